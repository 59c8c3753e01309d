import * as React from 'react';
import { Alert, Box, Button, Flex, Modal } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useT } from '../hooks/useT';
import { errorMessage } from '../services/api';

export interface ActionDialogProps {
  title: React.ReactNode;
  submitLabel: React.ReactNode;
  onClose: () => void;
  /**
   * Sends the request. Return without throwing to stay quiet (e.g. a field is missing); a thrown
   * error shows the server's Spanish message in the dialog and as a notification.
   */
  onSubmit: () => Promise<void>;
  children: React.ReactNode;
  /** Heading of the refusal alert. */
  refusalTitle?: string;
  /** Replaces the Cancel / submit buttons (e.g. a single "Listo" after success). */
  footer?: React.ReactNode;
  submitDisabled?: boolean;
  /** A change clears the previous refusal (the dialog opened for another item). */
  resetKey?: unknown;
}

/**
 * The frame every item action shares: a modal form with a title, its fields, the server's refusal
 * and Cancel / submit buttons.
 */
export const ActionDialog = ({
  title,
  submitLabel,
  onClose,
  onSubmit,
  children,
  refusalTitle,
  footer,
  submitDisabled,
  resetKey,
}: ActionDialogProps) => {
  const t = useT();
  const { toggleNotification } = useNotification();
  const [refusal, setRefusal] = React.useState<string | null>(null);
  const [isSubmitting, setIsSubmitting] = React.useState(false);

  React.useEffect(() => setRefusal(null), [resetKey]);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setIsSubmitting(true);
    setRefusal(null);
    try {
      await onSubmit();
    } catch (error) {
      const message =
        errorMessage(error) ?? t('errors.unexpected', 'No se pudo completar la acción.');
      setRefusal(message);
      toggleNotification({ type: 'danger', message });
    } finally {
      setIsSubmitting(false);
    }
  };

  return (
    <Modal.Root open onOpenChange={(next) => !next && onClose()}>
      <Modal.Content>
        <form onSubmit={submit} noValidate>
          <Modal.Header closeLabel={t('actions.close', 'Cerrar')}>
            <Modal.Title>{title}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              {children}
              {refusal && (
                <Box role="alert">
                  <Alert
                    variant="danger"
                    closeLabel={t('actions.close', 'Cerrar')}
                    title={refusalTitle}
                    onClose={() => setRefusal(null)}
                  >
                    {refusal}
                  </Alert>
                </Box>
              )}
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            {footer ?? (
              <>
                <Modal.Close>
                  <Button variant="tertiary">{t('actions.cancel', 'Cancelar')}</Button>
                </Modal.Close>
                <Button type="submit" loading={isSubmitting} disabled={submitDisabled}>
                  {submitLabel}
                </Button>
              </>
            )}
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
