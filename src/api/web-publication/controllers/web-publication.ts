import { scopedController, workItemScope } from '../../workflow/scoped-controller';

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

export default scopedController(UID, {
  ...workItemScope({ cover: true, attachments: true }),
  publicView: { fields: PUBLIC_FIELDS, populate: { cover: true, attachments: true } },
});
