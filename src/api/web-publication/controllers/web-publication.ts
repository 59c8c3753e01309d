import { factories } from '@strapi/strapi';
import { scopeReads, workItemScope } from '../../workflow/scoped-controller';

const UID = 'api::web-publication.web-publication';

/** What the municipal site shows of a published page: no workflow data, no people. */
export const PUBLIC_FIELDS = [
  'title',
  'slug',
  'section',
  'summary',
  'body',
  'isNews',
  'publishedAt',
  'updatedAt',
];

export default factories.createCoreController(UID, ({ strapi }) => {
  const scope = scopeReads(strapi, UID, {
    ...workItemScope({ cover: true, attachments: true }),
    publicView: { fields: PUBLIC_FIELDS, populate: { cover: true, attachments: true } },
  });
  return {
    async find(ctx) {
      return scope.find(this, ctx);
    },
    async findOne(ctx) {
      return scope.findOne(this, ctx);
    },
  };
});
