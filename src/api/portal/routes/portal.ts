/**
 * The Portal de áreas' content API (contract: ../contract.ts). Users-permissions authenticates;
 * the «Área solicitante» role holds these actions (src/bootstrap/api-roles.ts) and every handler
 * keeps the caller to its own area.
 */
const route = (method: string, path: string, handler: string) => ({
  method,
  path: `/portal${path}`,
  handler: `portal.${handler}`,
  config: { policies: [], middlewares: [] },
});

export default {
  routes: [
    route('GET', '/me', 'me'),
    route('GET', '/form', 'form'),
    route('POST', '/lead-time', 'leadTime'),
    route('GET', '/oficios', 'find'),
    route('POST', '/oficios', 'create'),
    route('GET', '/oficios/:documentId', 'findOne'),
    route('GET', '/oficios/:documentId/acuse', 'acuse'),
    route('POST', '/oficios/:documentId/files', 'addFiles'),
    route('POST', '/oficios/:documentId/cancel', 'cancel'),
    route('PUT', '/oficios/:documentId/services/:workflow/:itemDocumentId', 'completeService'),
    route(
      'POST',
      '/oficios/:documentId/services/:workflow/:itemDocumentId/cancel',
      'cancelService'
    ),
    route('GET', '/files/:id', 'download'),
  ],
};
