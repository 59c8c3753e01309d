import type { StaffMember } from '../../../shared/contracts/common';
import type { AvailableTransitionDto } from '../../../shared/contracts/items';
import { AcceptLateDialog } from './AcceptLateDialog';
import { AssignDialog } from './AssignDialog';
import { ProposalUploadDialog } from './ProposalUploadDialog';
import { TransitionDialog, type TransitionSubject } from './TransitionDialog';

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
  | { kind: 'proposal'; design: { documentId: string; title: string } };

export interface ItemActionDialogsProps {
  action: ItemAction | null;
  onClose: () => void;
  /** Something changed on the server: refetch what the page shows. */
  onChanged: () => void;
}

/** The dialog of the action in progress, whichever page started it. */
export const ItemActionDialogs = ({ action, onClose, onChanged }: ItemActionDialogsProps) => (
  <>
    <TransitionDialog
      subject={action?.kind === 'transition' ? action.subject : null}
      transition={action?.kind === 'transition' ? action.transition : null}
      onClose={onClose}
      onDone={onChanged}
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
  </>
);
