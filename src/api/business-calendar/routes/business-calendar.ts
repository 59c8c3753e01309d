/**
 * The business calendar is public reference data: the municipal site and the areas' request
 * forms read it without an account.
 */
const publicRoute = (path: string, handler: string) => ({
  method: 'GET',
  path,
  handler: `business-calendar.${handler}`,
  config: { auth: false as const, policies: [], middlewares: [] },
});

export default {
  routes: [
    publicRoute('/business-calendar/holidays', 'holidays'),
    publicRoute('/business-calendar/add', 'add'),
    publicRoute('/business-calendar/check', 'check'),
  ],
};
