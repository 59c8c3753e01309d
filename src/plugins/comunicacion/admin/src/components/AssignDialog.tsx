import * as React from 'react';
import { Alert, Box, Field, Loader, MultiSelect, MultiSelectOption } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import type { StaffMember } from '../../../shared/contracts/common';
import type { AssignItem, GetMeta } from '../../../shared/contracts/items';
import { serverMessage, useApi } from '../hooks/useApi';
import { useT } from '../hooks/useT';
import { roleLabel } from '../utils/roleLabel';
import { ActionDialog } from './ActionDialog';

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

  React.useEffect(() => {
    setSelected(item ? item.assignees.map((person) => String(person.id)) : []);
  }, [item]);

  if (!item) return null;
  const staff = meta.data?.data.staff ?? [];

  const submit = async () => {
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
  };

  return (
    <ActionDialog
      title={t('assign.title', 'Asignar «{title}»', { title: item.title })}
      submitLabel={t('assign.submit', 'Guardar responsables')}
      onClose={onClose}
      onSubmit={submit}
      submitDisabled={meta.isLoading}
      resetKey={item}
    >
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
                  ? `${person.name} (${person.roles.map(roleLabel).join(', ')})`
                  : person.name}
              </MultiSelectOption>
            ))}
          </MultiSelect>
          <Field.Hint />
        </Field.Root>
      )}
      {Boolean(meta.error) && (
        <Box role="alert">
          <Alert variant="danger" closeLabel={t('actions.close', 'Cerrar')}>
            {serverMessage(meta.error) ?? t('errors.unexpected', 'No se pudo completar la acción.')}
          </Alert>
        </Box>
      )}
    </ActionDialog>
  );
};
