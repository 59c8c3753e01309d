import * as React from 'react';
import type { ServiceSpec } from '../../../shared/contracts/intake';
import { leadTimeInputs, type ServiceDraft } from '../components/ServiceChecklist';
import { usePreviewLeadTimeQuery } from '../services/intake';

const DELAY_MS = 400;

/**
 * The business calendar's verdict on each requested service while its dates are typed: asked
 * once the typing pauses, and only when what the verdict depends on changed.
 */
export const useLeadTimePreview = (
  specs: ServiceSpec[],
  drafts: ServiceDraft[],
  receivedAt: string | null
) => {
  const body = React.useMemo(
    () => ({ receivedAt, services: leadTimeInputs(specs, drafts) }),
    [specs, drafts, receivedAt]
  );
  const key = JSON.stringify(body);
  const [settled, setSettled] = React.useState(key);
  React.useEffect(() => {
    const timer = window.setTimeout(() => setSettled(key), DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [key]);

  const args = React.useMemo(() => JSON.parse(settled) as typeof body, [settled]);
  const { currentData } = usePreviewLeadTimeQuery(args, {
    skip: !args.services.length,
  });
  // A verdict belongs to the draft in the same position while the list has not changed shape.
  const verdicts =
    currentData && currentData.services.length === drafts.length ? currentData.services : [];
  return { verdicts, receptionDay: currentData?.receptionDay ?? null };
};
