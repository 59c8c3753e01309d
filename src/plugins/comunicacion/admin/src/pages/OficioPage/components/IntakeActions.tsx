import * as React from 'react';
import { Button, Flex, Typography } from '@strapi/design-system';
import { FilePdf, Plus } from '@strapi/icons';
import { useRBAC } from '@strapi/strapi/admin';
import { AddServiceDialog } from '../../../components/AddServiceDialog';
import { useT } from '../../../hooks/useT';
import { PERMISSIONS } from '../../../permissions';
import { errorMessage } from '../../../services/api';
import { useAcuse } from '../../../services/intake';

const CLOSED = new Set(['atendido', 'rechazado', 'cancelado']);

export interface IntakeActionsProps {
  oficio: { documentId: string; folio: string; receivedAt: string | null; status: string };
  onChanged: () => void;
}

/** The oficio's acuse de recibo and, while it is open, adding a service to it. */
export const IntakeActions = ({ oficio, onChanged }: IntakeActionsProps) => {
  const t = useT();
  const acuse = useAcuse();
  const { allowedActions } = useRBAC(PERMISSIONS.register);
  const canRegister = Object.values(allowedActions).some(Boolean);
  const [adding, setAdding] = React.useState(false);

  return (
    <Flex direction="column" alignItems="flex-end" gap={1}>
      <Flex gap={2} wrap="wrap">
        <Button
          variant="secondary"
          startIcon={<FilePdf />}
          loading={acuse.isLoading}
          onClick={() => acuse.open(oficio.documentId, oficio.folio)}
        >
          {t('intake.acuse.button', 'Acuse de recibo')}
        </Button>
        {canRegister && !CLOSED.has(oficio.status) && (
          <Button startIcon={<Plus />} onClick={() => setAdding(true)}>
            {t('addService.action', 'Añadir servicio')}
          </Button>
        )}
      </Flex>
      {Boolean(acuse.error) && (
        <Typography variant="pi" textColor="danger700" role="alert">
          {errorMessage(acuse.error) ??
            t('intake.acuse.error', 'No se pudo obtener el acuse de recibo.')}
        </Typography>
      )}
      <AddServiceDialog
        oficio={adding ? oficio : null}
        onClose={() => setAdding(false)}
        onDone={onChanged}
      />
    </Flex>
  );
};
