import {
  Badge,
  Box,
  Button,
  Flex,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
  VisuallyHidden,
} from '@strapi/design-system';
import type { AreaAccountDto } from '../../../../../shared/contracts/area-accounts';
import { useFormatters } from '../../../hooks/useFormatters';
import { useT } from '../../../hooks/useT';

export interface AccountsListProps {
  accounts: AreaAccountDto[];
  /** The account an action is running on (its buttons wait). */
  busy: string | null;
  onResend: (account: AreaAccountDto) => void;
  onDeactivate: (account: AreaAccountDto) => void;
  onReactivate: (account: AreaAccountDto) => void;
}

const areaName = (account: AreaAccountDto) =>
  account.area
    ? account.area.shortName
      ? `${account.area.name} (${account.area.shortName})`
      : account.area.name
    : null;

const StateBadge = ({ active }: { active: boolean }) => {
  const t = useT();
  return active ? (
    <Badge backgroundColor="success100" textColor="success700">
      {t('areaAccounts.state.active', 'Activa')}
    </Badge>
  ) : (
    <Badge backgroundColor="danger100" textColor="danger700">
      {t('areaAccounts.state.deactivated', 'Desactivada')}
    </Badge>
  );
};

const Actions = ({
  account,
  busy,
  onResend,
  onDeactivate,
  onReactivate,
}: AccountsListProps & {
  account: AreaAccountDto;
}) => {
  const t = useT();
  const waiting = busy === account.documentId;
  return (
    <Flex gap={2} wrap="wrap">
      {account.active ? (
        <>
          <Button
            size="S"
            variant="secondary"
            disabled={waiting}
            onClick={() => onResend(account)}
            aria-label={t('areaAccounts.resendFor', 'Reenviar invitación a {email}', {
              email: account.email,
            })}
          >
            {t('areaAccounts.resend', 'Reenviar invitación')}
          </Button>
          <Button
            size="S"
            variant="danger-light"
            disabled={waiting}
            onClick={() => onDeactivate(account)}
            aria-label={t('areaAccounts.deactivateFor', 'Desactivar {email}', {
              email: account.email,
            })}
          >
            {t('areaAccounts.deactivate', 'Desactivar')}
          </Button>
        </>
      ) : (
        <Button
          size="S"
          variant="success-light"
          disabled={waiting}
          onClick={() => onReactivate(account)}
          aria-label={t('areaAccounts.reactivateFor', 'Reactivar {email}', {
            email: account.email,
          })}
        >
          {t('areaAccounts.reactivate', 'Reactivar')}
        </Button>
      )}
    </Flex>
  );
};

/** The area accounts as a table, one row each with its actions. */
export const AccountsTable = (props: AccountsListProps) => {
  const t = useT();
  const { dateTime } = useFormatters();
  const headers = [
    t('areaAccounts.columns.account', 'Cuenta'),
    t('areaAccounts.columns.area', 'Área'),
    t('areaAccounts.columns.state', 'Estado'),
    t('areaAccounts.columns.createdAt', 'Creada'),
  ];
  return (
    <Table colCount={headers.length + 1} rowCount={props.accounts.length + 1}>
      <Thead>
        <Tr>
          {headers.map((header) => (
            <Th key={header}>
              <Typography variant="sigma">{header}</Typography>
            </Th>
          ))}
          <Th>
            <VisuallyHidden>{t('areaAccounts.columns.actions', 'Acciones')}</VisuallyHidden>
          </Th>
        </Tr>
      </Thead>
      <Tbody>
        {props.accounts.map((account) => (
          <Tr key={account.documentId} data-testid="area-account-row" aria-label={account.email}>
            <Td>
              <Box style={{ whiteSpace: 'normal' }}>
                <Typography fontWeight="semiBold">{account.username}</Typography>
                {account.username !== account.email && (
                  <Typography tag="p" variant="pi" textColor="neutral600">
                    {account.email}
                  </Typography>
                )}
              </Box>
            </Td>
            <Td>
              <Box maxWidth="20rem" style={{ whiteSpace: 'normal' }}>
                <Typography textColor={account.area ? 'neutral800' : 'neutral600'}>
                  {areaName(account) ?? t('areaAccounts.noArea', 'Sin área')}
                </Typography>
              </Box>
            </Td>
            <Td>
              <StateBadge active={account.active} />
            </Td>
            <Td>
              <Typography>{dateTime(account.createdAt) ?? '—'}</Typography>
            </Td>
            <Td>
              <Actions {...props} account={account} />
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};

/** The same accounts as cards, for a phone. */
export const AccountCards = (props: AccountsListProps) => {
  const t = useT();
  const { dateTime } = useFormatters();
  return (
    <Flex
      tag="ul"
      direction="column"
      alignItems="stretch"
      gap={3}
      aria-label={t('areaAccounts.title', 'Cuentas de áreas')}
      style={{ listStyle: 'none', margin: 0, padding: 0 }}
    >
      {props.accounts.map((account) => (
        <Box
          tag="li"
          key={account.documentId}
          data-testid="area-account-row"
          background="neutral0"
          hasRadius
          shadow="tableShadow"
          padding={4}
        >
          <Flex direction="column" alignItems="stretch" gap={2}>
            <Flex justifyContent="space-between" gap={2} wrap="wrap">
              <Typography fontWeight="semiBold" style={{ overflowWrap: 'anywhere' }}>
                {account.username}
              </Typography>
              <StateBadge active={account.active} />
            </Flex>
            <Typography variant="pi" textColor="neutral600" style={{ overflowWrap: 'anywhere' }}>
              {[
                account.username !== account.email ? account.email : null,
                areaName(account) ?? t('areaAccounts.noArea', 'Sin área'),
                t('areaAccounts.createdOn', 'Creada el {at}', {
                  at: dateTime(account.createdAt) ?? '—',
                }),
              ]
                .filter(Boolean)
                .join(' · ')}
            </Typography>
            <Actions {...props} account={account} />
          </Flex>
        </Box>
      ))}
    </Flex>
  );
};
