import * as React from 'react';
import { Alert, Box, Field, Loader, MultiSelect, MultiSelectOption } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import type { StaffMember } from '../../../shared/contracts/common';
import type { AssignItem } from '../../../shared/contracts/items';
import { useT } from '../hooks/useT';
import { errorMessage } from '../services/api';
import { useAssignItemMutation, useGetMetaQuery } from '../services/items';
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
  const [assignItem] = useAssignItemMutation();
  const { toggleNotification } = useNotification();
  const meta = useGetMetaQuery(undefined, { skip: !item });
  const [selected, setSelected] = React.useState<string[]>([]);

  React.useEffect(() => {
    setSelected(item ? item.assignees.map((person) => String(person.id)) : []);
  }, [item]);

  if (!item) return null;
  const staff = meta.data?.staff ?? [];

  const submit = async () => {
    const result = await assignItem({
      uid: item.uid,
      documentId: item.documentId,
      assigneeIds: selected.map(Number),
    }).unwrap();
    toggleNotification({
      type: 'success',
      message: t('assign.done', 'Se actualizaron los responsables de «{title}».', {
        title: item.title,
      }),
    });
    onDone?.(result);
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
            {errorMessage(meta.error) ?? t('errors.unexpected', 'No se pudo completar la acción.')}
          </Alert>
        </Box>
      )}
    </ActionDialog>
  );
};
