import * as React from 'react';
import {
  Alert,
  Box,
  Button,
  Field,
  Flex,
  Loader,
  Modal,
  MultiSelect,
  MultiSelectOption,
} from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import type { StaffMember } from '../../../shared/contracts/common';
import type { AssignItem, GetMeta } from '../../../shared/contracts/items';
import { serverMessage, useApi } from '../hooks/useApi';
import { useT } from '../hooks/useT';

export interface AssignDialogProps {
  /** The work item; set: the dialog is open. */
  item: { uid: string; documentId: string; title: string; assignees: StaffMember[] } | null;
  onClose: () => void;
  onDone?: (result: AssignItem.Response['data']) => void;
}

/** Replaces a work item's assignees with staff chosen from the office's people. */
export const AssignDialog = ({ item, onClose, onDone }: AssignDialogProps) => {
  const t = useT();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const meta = useApi<GetMeta.Response>(item ? '/comunicacion/meta' : null);
  const [selected, setSelected] = React.useState<string[]>([]);
  const [refusal, setRefusal] = React.useState<string | null>(null);
  const [isSubmitting, setIsSubmitting] = React.useState(false);

  React.useEffect(() => {
    setSelected(item ? item.assignees.map((person) => String(person.id)) : []);
    setRefusal(null);
  }, [item]);

  if (!item) return null;
  const staff = meta.data?.data.staff ?? [];

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setIsSubmitting(true);
    setRefusal(null);
    try {
      const { data } = await post<AssignItem.Response, AssignItem.Request['body']>(
        '/comunicacion/items/assign',
        { uid: item.uid, documentId: item.documentId, assigneeIds: selected.map(Number) }
      );
      toggleNotification({
        type: 'success',
        message: t('assign.done', 'Se actualizaron los responsables de «{title}».', {
          title: item.title,
        }),
      });
      onDone?.(data.data);
      onClose();
    } catch (error) {
      const message =
        serverMessage(error) ?? t('errors.unexpected', 'No se pudo completar la acción.');
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
            <Modal.Title>
              {t('assign.title', 'Asignar «{title}»', { title: item.title })}
            </Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              {meta.isLoading ? (
                <Loader small>{t('state.loading', 'Cargando…')}</Loader>
              ) : (
                <Field.Root
                  name="assignees"
                  hint={t('assign.hint', 'Deja la lista vacía para quitar a todos.')}
                >
                  <Field.Label>{t('assign.label', 'Responsables')}</Field.Label>
                  <MultiSelect
                    value={selected}
                    onChange={setSelected}
                    withTags
                    placeholder={t('assign.placeholder', 'Elige a una o más personas')}
                  >
                    {staff.map((person) => (
                      <MultiSelectOption key={person.id} value={String(person.id)}>
                        {person.roles.length
                          ? `${person.name} (${person.roles.join(', ')})`
                          : person.name}
                      </MultiSelectOption>
                    ))}
                  </MultiSelect>
                  <Field.Hint />
                </Field.Root>
              )}
              {(refusal || Boolean(meta.error)) && (
                <Box role="alert">
                  <Alert variant="danger" closeLabel={t('actions.close', 'Cerrar')}>
                    {refusal ??
                      serverMessage(meta.error) ??
                      t('errors.unexpected', 'No se pudo completar la acción.')}
                  </Alert>
                </Box>
              )}
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary">{t('actions.cancel', 'Cancelar')}</Button>
            </Modal.Close>
            <Button type="submit" loading={isSubmitting} disabled={meta.isLoading}>
              {t('assign.submit', 'Guardar responsables')}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
