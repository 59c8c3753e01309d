import type { AvailableTransitionDto } from '../../../shared/contracts/items';
import type { PublishableUid } from '../../../shared/contracts/publications';

const PUBLISHABLE_UIDS: readonly string[] = [
  'api::web-publication.web-publication',
  'api::transparency-document.transparency-document',
] satisfies PublishableUid[];

/** Web publications and transparency documents: the items published to the municipal site. */
export const isPublishable = (uid: string): uid is PublishableUid => PUBLISHABLE_UIDS.includes(uid);

/** Moves of a publishable item that go through the publishing routes instead of a plain transition. */
export const PUBLISH_STATE = 'publicada';
export const WITHDRAW_STATE = 'retirada';

/** States from which «Verificar y responder» checks the site and answers the oficio. */
const VERIFIABLE_STATES: readonly string[] = ['publicada', 'verificada'];

/** States «Verificar y responder» moves the item to, with the evidence and the answer. */
const RECORDED_BY_VERIFY: readonly string[] = ['verificada', 'respondida'];

/** Whether «Verificar y responder» applies to a publishable item in this state. */
export const isVerifiable = (status: string) => VERIFIABLE_STATES.includes(status);

/**
 * The transitions staff see for an item. Publishing and withdrawing a publishable item need the
 * publishing permission on top of the workflow's roles, so they are left out without it. With it,
 * «Verificar y responder» records the evidence and the answer itself: the manual moves to
 * `verificada` and `respondida` are shown only when their data is already there.
 */
export const visibleTransitions = (
  uid: string,
  transitions: AvailableTransitionDto[],
  canPublish: boolean
) => {
  if (!isPublishable(uid)) return transitions;
  return transitions.filter((transition) =>
    canPublish
      ? transition.allowed || !RECORDED_BY_VERIFY.includes(transition.to)
      : transition.to !== PUBLISH_STATE && transition.to !== WITHDRAW_STATE
  );
};

/** Uploads are served by the backend, which may sit on another origin than the panel. */
export const fileUrl = (url: string) => {
  const backend = (window as { strapi?: { backendURL?: string } }).strapi?.backendURL ?? '';
  return url.startsWith('/') ? `${backend}${url}` : url;
};
