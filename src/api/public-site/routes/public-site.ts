/**
 * The municipal site's API: anonymous reads of published content and the open data exports.
 * `facets` comes before `:documentId` so it is not taken for a document.
 */
const publicGet = (path: string, handler: string) => ({
  method: 'GET',
  path,
  handler,
  config: { auth: false as const, policies: [], middlewares: [] },
});

export default {
  routes: [
    publicGet('/site/publications', 'public-site.publications'),
    publicGet('/site/publications/:slug', 'public-site.publication'),
    publicGet('/site/sections', 'public-site.sections'),
    publicGet('/site/transparency', 'public-site.transparency'),
    publicGet('/site/transparency/facets', 'public-site.transparencyFacets'),
    publicGet('/site/transparency/:documentId', 'public-site.transparencyDocument'),
    publicGet('/open-data/transparency.csv', 'open-data.transparencyCsv'),
    publicGet('/open-data/transparency.json', 'open-data.transparencyJson'),
  ],
};
