export default {
  routes: [
    {
      method: 'POST',
      path: '/email-account-requests/:id/authorization',
      handler: 'email-account-request.authorization',
      config: { policies: [], middlewares: [] },
    },
  ],
};
