import { TRANSPARENCY_METADATA_FIELDS } from '../../../domain/transparency';
import { scopedController, workItemScope } from '../../workflow/scoped-controller';

const UID = 'api::transparency-document.transparency-document';

/** The metadata of the state platform's formats (SPEC §6) and the document itself. */
export const PUBLIC_FIELDS = [
  'title',
  ...TRANSPARENCY_METADATA_FIELDS,
  'body',
  'publishedAt',
  'updatedAt',
];

export default scopedController(UID, {
  ...workItemScope({ file: true, attachments: true }),
  publicView: { fields: PUBLIC_FIELDS, populate: { file: true, attachments: true } },
});
