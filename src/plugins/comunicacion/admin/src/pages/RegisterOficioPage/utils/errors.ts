import type { ServiceSpec } from '../../../../../shared/contracts/intake';
import type { ServiceDraft } from '../../../components/ServiceChecklist';
import { fieldRefusal } from '../../../utils/serverErrors';

/** The oficio's own fields, by the path the server names them with. */
const OFICIO_PATHS: Record<string, string> = {
  area: 'area',
  senderReference: 'senderReference',
  receivedAt: 'receivedAt',
  channel: 'channel',
  scan: 'scan',
  subject: 'subject',
  summary: 'summary',
  addressedTo: 'addressedTo',
  copiedTo: 'copiedTo',
  'requester.name': 'requesterName',
  'requester.phone': 'requesterPhone',
  'requester.email': 'requesterEmail',
  'requester.address': 'requesterAddress',
  requesterName: 'requesterName',
  requesterPhone: 'requesterPhone',
  requesterEmail: 'requesterEmail',
  requesterAddress: 'requesterAddress',
};

export interface PlacedRefusal {
  /** Messages next to the oficio's fields. */
  oficio: Record<string, string>;
  /** Messages next to each requested service's fields, by draft key. */
  services: Record<string, Record<string, string>>;
  /** The message for the top of the page when no field shows it. */
  top: string | null;
}

/**
 * Places a refused registration's messages next to the fields it names (`services.1.fields.place`,
 * `subject`, or a bare service field such as `eventDate`); whatever names no field goes on top.
 */
export const placeRefusal = (
  error: unknown,
  specs: ServiceSpec[],
  drafts: ServiceDraft[],
  fallback: string
): PlacedRefusal => {
  const { byPath, message } = fieldRefusal(error);
  const placed: PlacedRefusal = { oficio: {}, services: {}, top: null };
  let shown = false;
  const put = (draft: ServiceDraft, field: string, text: string) => {
    placed.services[draft.key] = { ...placed.services[draft.key], [field]: text };
    shown = true;
  };
  const fieldsOf = (draft: ServiceDraft) =>
    specs.find((spec) => spec.workflow === draft.workflow)?.fields ?? [];

  for (const [path, text] of Object.entries(byPath)) {
    const shownText = text || message || fallback;
    const oficioField = OFICIO_PATHS[path];
    if (oficioField) {
      placed.oficio[oficioField] = shownText;
      shown = true;
      continue;
    }
    const indexed = /^services\.(\d+)\.(?:fields\.)?([A-Za-z0-9_]+)/.exec(path);
    if (indexed) {
      const draft = drafts[Number(indexed[1])];
      if (draft && fieldsOf(draft).some((field) => field.name === indexed[2])) {
        put(draft, indexed[2], shownText);
      }
      continue;
    }
    const owner = drafts.find((draft) => fieldsOf(draft).some((field) => field.name === path));
    if (owner) put(owner, path, shownText);
  }
  placed.top = shown ? null : (message ?? fallback);
  return placed;
};
