import * as React from 'react';
import { Box, EmptyStateLayout, Flex, LinkButton, Loader, Typography } from '@strapi/design-system';
import { Pencil } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { NavLink } from 'react-router-dom';
import type { ObligationStatus } from '../../../../shared/contracts/transparency';
import { Panel } from '../../components/Panel';
import { useFormatters } from '../../hooks/useFormatters';
import { useT } from '../../hooks/useT';
import { errorMessage } from '../../services/api';
import { CatalogueTable } from './components/CatalogueTable';
import { WarningsTable } from './components/WarningsTable';
import { useObligations } from './hooks/useObligations';
import { CATALOGUE_PATH } from './permissions';
import { STATUSES, catalogueOrder } from './utils/labels';

const COUNT_ORDER: ObligationStatus[] = ['vencida', 'por_vencer', 'al_dia'];

/**
 * Transparencia: the obligations whose last closed period is not published yet (overdue in red,
 * due soon in amber) and, below, the whole catalogue with a link to edit it.
 */
export const TransparencyPage = () => {
  const t = useT();
  const { day } = useFormatters();
  const { obligations, counts, today, error, isLoading } = useObligations();
  const title = t('transparency.title', 'Obligaciones de transparencia');

  const warnings = React.useMemo(
    () => (obligations ?? []).filter((obligation) => obligation.status !== 'al_dia'),
    [obligations]
  );
  const catalogue = React.useMemo(
    () => [...(obligations ?? [])].sort(catalogueOrder),
    [obligations]
  );

  return (
    <Page.Main aria-busy={isLoading}>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={
          today
            ? t(
                'transparency.subtitle',
                'Hoy es {today} (Ciudad de México). Cada obligación se actualiza al cerrar su periodo, dentro de sus días para publicar.',
                { today: day(today) ?? today }
              )
            : undefined
        }
        primaryAction={
          <LinkButton tag={NavLink} to={CATALOGUE_PATH} startIcon={<Pencil />} variant="secondary">
            {t('transparency.editCatalogue', 'Editar el catálogo')}
          </LinkButton>
        }
      />
      <Layouts.Content>
        {!obligations && isLoading ? (
          <Flex justifyContent="center" padding={8}>
            <Loader>{t('transparency.loading', 'Cargando las obligaciones…')}</Loader>
          </Flex>
        ) : error && !obligations ? (
          <Page.Error
            content={
              errorMessage(error) ??
              t(
                'transparency.loadError',
                'No se pudieron cargar las obligaciones de transparencia. Intenta de nuevo.'
              )
            }
          />
        ) : (
          <Flex direction="column" alignItems="stretch" gap={6}>
            {counts && (
              <Flex
                tag="section"
                aria-label={t('transparency.counts', 'Resumen')}
                gap={4}
                wrap="wrap"
                alignItems="stretch"
              >
                {COUNT_ORDER.map((status) => (
                  <Box
                    key={status}
                    background="neutral0"
                    shadow="tableShadow"
                    hasRadius
                    padding={5}
                    minWidth="180px"
                    data-testid={`count-${status}`}
                  >
                    <Flex direction="column" alignItems="flex-start" gap={1}>
                      <Typography variant="sigma" textColor="neutral600">
                        {t(STATUSES[status].id, STATUSES[status].label)}
                      </Typography>
                      <Typography variant="alpha" tag="p" textColor={STATUSES[status].color}>
                        {counts[status]}
                      </Typography>
                    </Flex>
                  </Box>
                ))}
              </Flex>
            )}

            <Panel
              id="transparency-warnings"
              title={t('transparency.warnings.title', 'Actualizaciones pendientes')}
              description={t(
                'transparency.warnings.description',
                'Obligaciones cuyo último periodo cerrado aún no tiene un documento publicado: primero las vencidas, luego las que vencen antes.'
              )}
            >
              {warnings.length > 0 ? (
                <WarningsTable warnings={warnings} />
              ) : (
                <EmptyStateLayout
                  content={t(
                    'transparency.warnings.empty',
                    'Todas las obligaciones activas están al día.'
                  )}
                />
              )}
            </Panel>

            <Panel
              id="transparency-catalogue"
              title={t('transparency.catalogue.title', 'Catálogo de obligaciones')}
              description={t(
                'transparency.catalogue.description',
                'Las obligaciones activas. Las reformas renumeran fracciones: agrégalas, corrígelas o desactívalas en el catálogo.'
              )}
            >
              {catalogue.length > 0 ? (
                <CatalogueTable obligations={catalogue} />
              ) : (
                <EmptyStateLayout
                  content={t(
                    'transparency.catalogue.empty',
                    'El catálogo no tiene obligaciones activas.'
                  )}
                />
              )}
              <Box>
                <LinkButton
                  tag={NavLink}
                  to={CATALOGUE_PATH}
                  variant="tertiary"
                  startIcon={<Pencil />}
                >
                  {t('transparency.editCatalogue', 'Editar el catálogo')}
                </LinkButton>
              </Box>
            </Panel>
          </Flex>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
