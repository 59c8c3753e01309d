/**
 * Surveys are answered on the municipal site without an account: the questions are public and
 * answers are anonymous. There are no core routes; responses are created only here.
 */
const publicRoute = (method: 'GET' | 'POST', path: string, handler: string) => ({
  method,
  path,
  handler: `survey.${handler}`,
  config: { auth: false as const, policies: [], middlewares: [] },
});

export default {
  routes: [
    publicRoute('GET', '/surveys', 'list'),
    publicRoute('GET', '/surveys/:slug', 'findOne'),
    publicRoute('POST', '/surveys/:slug/responses', 'respond'),
  ],
};
