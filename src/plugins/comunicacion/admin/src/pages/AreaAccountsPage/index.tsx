import * as React from 'react';
import {
  Box,
  Button,
  Combobox,
  ComboboxOption,
  Dialog,
  EmptyStateLayout,
  Field,
  Flex,
  Grid,
  Loader,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { ConfirmDialog, Layouts, Page, useIsMobile, useNotification } from '@strapi/strapi/admin';
import { useSearchParams } from 'react-router-dom';
import type {
  AreaAccountDto,
  CreateAreaAccount,
  ListAreaAccounts,
} from '../../../../shared/contracts/area-accounts';
import { useT } from '../../hooks/useT';
import { errorMessage } from '../../services/api';
import {
  useCreateAreaAccountMutation,
  useListAreaAccountsQuery,
  useResendAreaInvitationMutation,
  useSetAreaAccountActiveMutation,
} from '../../services/area-accounts';
import { AccountCards, AccountsTable } from './components/AccountsList';
import { areaLabel, NewAccountModal } from './components/NewAccountModal';

type StateFilter = NonNullable<ListAreaAccounts.Request['query']['state']>;

/**
 * Cuentas de áreas: the requesting areas' accounts of the Portal de áreas. Staff create them
 * (the area chooses its password from the invitation), resend the invitation, deactivate and
 * reactivate them.
 */
export const AreaAccountsPage = () => {
  const t = useT();
  const isMobile = useIsMobile();
  const { toggleNotification } = useNotification();
  const [searchParams, setSearchParams] = useSearchParams();
  const area = searchParams.get('area') ?? '';
  const stateParam = searchParams.get('state');
  const state: StateFilter | '' =
    stateParam === 'activa' || stateParam === 'desactivada' ? stateParam : '';

  const list = useListAreaAccountsQuery({ area: area || undefined, state: state || undefined });
  const [createAccount] = useCreateAreaAccountMutation();
  const [resendInvitation] = useResendAreaInvitationMutation();
  const [setActive] = useSetAreaAccountActiveMutation();
  const [creating, setCreating] = React.useState(false);
  const [deactivating, setDeactivating] = React.useState<AreaAccountDto | null>(null);
  const [busy, setBusy] = React.useState<string | null>(null);

  const title = t('areaAccounts.title', 'Cuentas de áreas');
  const accounts = list.data?.data ?? [];
  const areas = list.data?.meta.areas ?? [];
  const chosenArea = areas.find((candidate) => candidate.documentId === area);

  const setFilter = (key: 'area' | 'state', value: string | null) => {
    const next = new URLSearchParams(searchParams);
    if (value) next.set(key, value);
    else next.delete(key);
    setSearchParams(next, { replace: true });
  };

  const run = async (
    account: AreaAccountDto,
    action: () => Promise<unknown>,
    success: string,
    failure: string
  ) => {
    setBusy(account.documentId);
    try {
      await action();
      toggleNotification({ type: 'success', message: success });
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) ?? failure });
    } finally {
      setBusy(null);
    }
  };

  const handleCreate = async (body: CreateAreaAccount.Request['body']) => {
    const created = await createAccount(body).unwrap();
    toggleNotification({
      type: 'success',
      message: t(
        'areaAccounts.created',
        'Cuenta creada. La invitación para elegir la contraseña va en camino a {email}.',
        { email: created.email }
      ),
    });
  };

  const handleResend = (account: AreaAccountDto) =>
    run(
      account,
      () => resendInvitation(account.documentId).unwrap(),
      t(
        'areaAccounts.resent',
        'Invitación reenviada a {email}. El enlace anterior ya no funciona.',
        { email: account.email }
      ),
      t('areaAccounts.resendError', 'No se pudo reenviar la invitación.')
    );

  const handleDeactivate = async () => {
    const account = deactivating;
    setDeactivating(null);
    if (!account) return;
    await run(
      account,
      () => setActive({ documentId: account.documentId, active: false }).unwrap(),
      t('areaAccounts.deactivated', 'Se desactivó {email} y se cerraron todas sus sesiones.', {
        email: account.email,
      }),
      t('areaAccounts.deactivateError', 'No se pudo desactivar la cuenta.')
    );
  };

  const handleReactivate = (account: AreaAccountDto) =>
    run(
      account,
      () => setActive({ documentId: account.documentId, active: true }).unwrap(),
      t('areaAccounts.reactivated', '{email} puede volver a entrar con su contraseña.', {
        email: account.email,
      }),
      t('areaAccounts.reactivateError', 'No se pudo reactivar la cuenta.')
    );

  const listProps = {
    accounts,
    busy,
    onResend: handleResend,
    onDeactivate: setDeactivating,
    onReactivate: handleReactivate,
  };
  const filtered = Boolean(area || state);

  return (
    <Page.Main aria-busy={list.isFetching}>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={t(
          'areaAccounts.subtitle',
          'Las cuentas con las que las dependencias y los organismos auxiliares entran al Portal de áreas.'
        )}
        primaryAction={
          <Button startIcon={<Plus />} onClick={() => setCreating(true)}>
            {t('areaAccounts.new', 'Nueva cuenta')}
          </Button>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Box background="neutral0" padding={4} hasRadius shadow="filterShadow">
            <Grid.Root gap={4}>
              <Grid.Item col={6} s={12} xs={12} direction="column" alignItems="stretch">
                <Field.Root name="area-filter">
                  <Field.Label>{t('areaAccounts.filters.area', 'Área')}</Field.Label>
                  <Combobox
                    key={chosenArea ? chosenArea.documentId : 'none'}
                    value={area || undefined}
                    defaultTextValue={chosenArea ? areaLabel(chosenArea) : undefined}
                    placeholder={t('areaAccounts.filters.allAreas', 'Todas las áreas')}
                    autocomplete={{ type: 'list', filter: 'contains' }}
                    onChange={(value) => setFilter('area', value ? String(value) : null)}
                    onClear={() => setFilter('area', null)}
                    clearLabel={t('queues.filters.clear', 'Quitar')}
                    noOptionsMessage={() => t('oficios.filters.noArea', 'Ningún área coincide')}
                  >
                    {areas.map((choice) => (
                      <ComboboxOption key={choice.documentId} value={choice.documentId}>
                        {areaLabel(choice)}
                      </ComboboxOption>
                    ))}
                  </Combobox>
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={6} s={12} xs={12} direction="column" alignItems="stretch">
                <Field.Root name="state-filter">
                  <Field.Label>{t('areaAccounts.filters.state', 'Estado')}</Field.Label>
                  <SingleSelect
                    value={state || null}
                    placeholder={t('areaAccounts.filters.allStates', 'Activas y desactivadas')}
                    onChange={(value) => setFilter('state', String(value))}
                    onClear={() => setFilter('state', null)}
                    clearLabel={t('queues.filters.clear', 'Quitar')}
                  >
                    <SingleSelectOption value="activa">
                      {t('areaAccounts.filters.active', 'Activas')}
                    </SingleSelectOption>
                    <SingleSelectOption value="desactivada">
                      {t('areaAccounts.filters.deactivated', 'Desactivadas')}
                    </SingleSelectOption>
                  </SingleSelect>
                </Field.Root>
              </Grid.Item>
            </Grid.Root>
          </Box>
          {!list.data && list.isLoading ? (
            <Flex justifyContent="center" padding={8}>
              <Loader>{t('areaAccounts.loading', 'Cargando las cuentas…')}</Loader>
            </Flex>
          ) : list.isError && !list.data ? (
            <Page.Error
              content={
                errorMessage(list.error) ??
                t('areaAccounts.loadError', 'No se pudieron cargar las cuentas. Intenta de nuevo.')
              }
            />
          ) : accounts.length === 0 ? (
            <EmptyStateLayout
              hasRadius
              shadow="tableShadow"
              content={
                filtered
                  ? t('areaAccounts.empty.filtered', 'Ninguna cuenta coincide con los filtros.')
                  : t('areaAccounts.empty', 'Todavía no hay cuentas de áreas.')
              }
              action={
                filtered ? undefined : (
                  <Button
                    variant="secondary"
                    startIcon={<Plus />}
                    onClick={() => setCreating(true)}
                  >
                    {t('areaAccounts.new', 'Nueva cuenta')}
                  </Button>
                )
              }
            />
          ) : isMobile ? (
            <AccountCards {...listProps} />
          ) : (
            <AccountsTable {...listProps} />
          )}
          {accounts.length > 0 && (
            <Typography variant="pi" textColor="neutral600">
              {t('areaAccounts.total', '{total, plural, one {# cuenta} other {# cuentas}}', {
                total: accounts.length,
              })}
            </Typography>
          )}
        </Flex>
      </Layouts.Content>
      <NewAccountModal
        open={creating}
        areas={areas}
        onClose={() => setCreating(false)}
        onCreate={handleCreate}
      />
      <Dialog.Root
        open={deactivating !== null}
        onOpenChange={(open) => !open && setDeactivating(null)}
      >
        <ConfirmDialog
          title={t('areaAccounts.deactivate.title', '¿Desactivar esta cuenta?')}
          variant="danger"
          onConfirm={handleDeactivate}
        >
          {deactivating &&
            t(
              'areaAccounts.deactivate.confirm',
              '{email} ya no podrá entrar al Portal de áreas y se cerrarán al instante todas sus sesiones abiertas. Puedes reactivarla después.',
              { email: deactivating.email }
            )}
        </ConfirmDialog>
      </Dialog.Root>
    </Page.Main>
  );
};
