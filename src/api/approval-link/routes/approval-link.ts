/** Approval links: the token is the credential, so no account is needed; rate-limited by path. */
const route = (method: 'GET' | 'POST', handler: string) => ({
  method,
  path: '/approvals/:token',
  handler: `approval-link.${handler}`,
  config: { auth: false as const, policies: [], middlewares: [] },
});

export default { routes: [route('GET', 'show'), route('POST', 'decide')] };
