export default {
  routes: [
    {
      method: 'POST',
      path: '/designs/:id/decision',
      handler: 'design.decision',
      config: { policies: [], middlewares: [] },
    },
  ],
};
