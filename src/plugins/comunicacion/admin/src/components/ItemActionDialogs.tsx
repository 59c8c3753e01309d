import type { StaffMember } from '../../../shared/contracts/common';
import type { AvailableTransitionDto } from '../../../shared/contracts/items';
import { isPublishable, PUBLISH_STATE, WITHDRAW_STATE } from '../utils/publishing';
import { AcceptLateDialog } from './AcceptLateDialog';
import { AssignDialog } from './AssignDialog';
import { CompleteDataDialog, type CompleteDataSubject } from './CompleteDataDialog';
import { ProposalUploadDialog } from './ProposalUploadDialog';
import { PublishDialog, type PublicationSubject } from './PublishDialog';
import { TransitionDialog, type TransitionSubject } from './TransitionDialog';
import { WithdrawDialog } from './WithdrawDialog';

/** One action a staff member started on a work item or oficio, waiting for its dialog. */
export type ItemAction =
  | { kind: 'transition'; subject: TransitionSubject; transition: AvailableTransitionDto }
  | {
      kind: 'assign';
      item: { uid: string; documentId: string; title: string; assignees: StaffMember[] };
    }
  | {
      kind: 'acceptLate';
      oficio: { documentId: string; folio: string };
      lateReasons?: string | null;
    }
  | { kind: 'proposal'; design: { documentId: string; title: string } }
  | { kind: 'publish' | 'verify' | 'withdraw'; subject: PublicationSubject }
  | { kind: 'complete'; item: CompleteDataSubject };

/**
 * The action a chosen transition starts: publishing and withdrawing a web publication or
 * transparency document go through the publishing routes and their own dialogs.
 */
export const transitionAction = (
  subject: TransitionSubject,
  transition: AvailableTransitionDto
): ItemAction => {
  const { uid } = subject;
  if (isPublishable(uid)) {
    if (transition.to === PUBLISH_STATE) return { kind: 'publish', subject: { ...subject, uid } };
    if (transition.to === WITHDRAW_STATE) return { kind: 'withdraw', subject: { ...subject, uid } };
  }
  return { kind: 'transition', subject, transition };
};

export interface ItemActionDialogsProps {
  action: ItemAction | null;
  onClose: () => void;
  /**
   * Something changed on the server. The pages' queries refetch on their own (the mutations
   * invalidate their cache tags); this is for anything else the page keeps.
   */
  onChanged?: () => void;
}

/** The dialog of the action in progress, whichever page started it. */
export const ItemActionDialogs = ({ action, onClose, onChanged }: ItemActionDialogsProps) => (
  <>
    <TransitionDialog
      subject={action?.kind === 'transition' ? action.subject : null}
      transition={action?.kind === 'transition' ? action.transition : null}
      onClose={onClose}
      onDone={onChanged}
      onStale={onChanged}
    />
    <AssignDialog
      item={action?.kind === 'assign' ? action.item : null}
      onClose={onClose}
      onDone={onChanged}
    />
    <AcceptLateDialog
      oficio={action?.kind === 'acceptLate' ? action.oficio : null}
      lateReasons={action?.kind === 'acceptLate' ? action.lateReasons : null}
      onClose={onClose}
      onDone={onChanged}
    />
    <ProposalUploadDialog
      design={action?.kind === 'proposal' ? action.design : null}
      onClose={onClose}
      onDone={onChanged}
    />
    <PublishDialog
      subject={action?.kind === 'publish' || action?.kind === 'verify' ? action.subject : null}
      mode={action?.kind === 'verify' ? 'verify' : 'publish'}
      onClose={onClose}
      onDone={onChanged}
    />
    <WithdrawDialog
      subject={action?.kind === 'withdraw' ? action.subject : null}
      onClose={onClose}
      onDone={onChanged}
    />
    <CompleteDataDialog
      item={action?.kind === 'complete' ? action.item : null}
      onClose={onClose}
      onDone={onChanged}
    />
  </>
);
