import {
  Box,
  Flex,
  Link,
  Loader,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { NavLink, useLocation } from 'react-router-dom';
import type { OficioSummary } from '../../../../../shared/contracts/intake';
import { ItemBadges } from '../../../components/ItemBadges';
import { StatusBadge } from '../../../components/StatusBadge';
import { useFormatters } from '../../../hooks/useFormatters';
import { useT } from '../../../hooks/useT';
import { PLUGIN_ID } from '../../../pluginId';

const COLUMNS = 6;

export const oficioPath = (documentId: string) => `/plugins/${PLUGIN_ID}/oficios/${documentId}`;

/** The oficio page's «Volver a Oficios» returns to this very search. */
const useSearchState = () => {
  const location = useLocation();
  return { fromSearch: `${location.pathname}${location.search}` };
};

/** «Diseño ×2, Cobertura» */
export const servicesText = (services: OficioSummary['services']) =>
  services
    .map((service) => (service.count > 1 ? `${service.label} ×${service.count}` : service.label))
    .join(', ');

const lateBadges = (isLate: boolean) => ({
  overdue: false,
  dueToday: false,
  late: isLate,
  awaitingLateAcceptance: false,
  paused: false,
});

export interface OficiosTableProps {
  oficios: OficioSummary[];
  isLoading: boolean;
}

/** Search results, newest reception first, each folio opening the oficio's page. */
export const OficiosTable = ({ oficios, isLoading }: OficiosTableProps) => {
  const t = useT();
  const format = useFormatters();
  const state = useSearchState();
  const headers = [
    t('oficios.columns.folio', 'Folio'),
    t('oficios.columns.area', 'Área'),
    t('oficios.columns.subject', 'Asunto'),
    t('oficios.columns.receivedAt', 'Recibido'),
    t('oficios.columns.status', 'Estado'),
    t('oficios.columns.services', 'Servicios'),
  ];

  return (
    <Table colCount={COLUMNS} rowCount={oficios.length + 1}>
      <Thead>
        <Tr>
          {headers.map((header) => (
            <Th key={header}>
              <Typography variant="sigma">{header}</Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {isLoading && !oficios.length ? (
          <Tr>
            <Td colSpan={COLUMNS}>
              <Flex justifyContent="center" padding={8}>
                <Loader>{t('state.loading', 'Cargando…')}</Loader>
              </Flex>
            </Td>
          </Tr>
        ) : (
          oficios.map((oficio) => (
            <Tr key={oficio.documentId} aria-label={oficio.folio}>
              <Td>
                <Link tag={NavLink} to={oficioPath(oficio.documentId)} state={state}>
                  {oficio.folio}
                </Link>
              </Td>
              <Td>
                <Typography>{oficio.area?.shortName || oficio.area?.name || '—'}</Typography>
              </Td>
              <Td>
                <Box maxWidth="24rem" style={{ whiteSpace: 'normal' }}>
                  <Typography>{oficio.subject}</Typography>
                  {oficio.senderReference && (
                    <Typography tag="p" variant="pi" textColor="neutral600">
                      {t('oficios.reference', 'Ref. {reference}', {
                        reference: oficio.senderReference,
                      })}
                    </Typography>
                  )}
                </Box>
              </Td>
              <Td>
                <Typography>{format.dateTime(oficio.receivedAt) ?? '—'}</Typography>
              </Td>
              <Td>
                <Flex direction="column" alignItems="flex-start" gap={1}>
                  <StatusBadge status={oficio.status} label={oficio.statusLabel} />
                  <ItemBadges badges={lateBadges(oficio.isLate)} />
                </Flex>
              </Td>
              <Td>
                <Box maxWidth="16rem" style={{ whiteSpace: 'normal' }}>
                  <Typography>{servicesText(oficio.services) || '—'}</Typography>
                </Box>
              </Td>
            </Tr>
          ))
        )}
      </Tbody>
    </Table>
  );
};

/** The same results as cards, for a phone. */
export const OficioCards = ({ oficios, isLoading }: OficiosTableProps) => {
  const t = useT();
  const format = useFormatters();
  const state = useSearchState();
  if (isLoading && !oficios.length) {
    return (
      <Flex justifyContent="center" padding={8}>
        <Loader>{t('state.loading', 'Cargando…')}</Loader>
      </Flex>
    );
  }
  return (
    <Flex
      tag="ul"
      direction="column"
      alignItems="stretch"
      gap={3}
      aria-label={t('oficios.results', 'Resultados')}
      style={{ listStyle: 'none', margin: 0, padding: 0 }}
    >
      {oficios.map((oficio) => (
        <Box
          tag="li"
          key={oficio.documentId}
          background="neutral0"
          hasRadius
          shadow="tableShadow"
          padding={4}
        >
          <Flex direction="column" alignItems="stretch" gap={2}>
            <Flex justifyContent="space-between" gap={2} wrap="wrap">
              <Link tag={NavLink} to={oficioPath(oficio.documentId)} state={state}>
                {oficio.folio}
              </Link>
              <StatusBadge status={oficio.status} label={oficio.statusLabel} />
            </Flex>
            <Typography style={{ overflowWrap: 'anywhere' }}>{oficio.subject}</Typography>
            <Typography variant="pi" textColor="neutral600">
              {[
                oficio.area?.shortName || oficio.area?.name,
                format.dateTime(oficio.receivedAt),
                servicesText(oficio.services),
              ]
                .filter(Boolean)
                .join(' · ')}
            </Typography>
            <ItemBadges badges={lateBadges(oficio.isLate)} />
          </Flex>
        </Box>
      ))}
    </Flex>
  );
};
