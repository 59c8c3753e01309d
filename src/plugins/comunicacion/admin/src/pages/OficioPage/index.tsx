import * as React from 'react';
import { Button, EmptyStateLayout, Flex, Link } from '@strapi/design-system';
import { ArrowLeft } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { NavLink, useParams } from 'react-router-dom';
import type { GetOficio } from '../../../../shared/contracts/oficios';
import { ItemActionDialogs, type ItemAction } from '../../components/ItemActionDialogs';
import { ItemBadges } from '../../components/ItemBadges';
import { StatusBadge } from '../../components/StatusBadge';
import { TransitionButtons } from '../../components/TransitionButtons';
import { serverMessage, useApi } from '../../hooks/useApi';
import { usePluginPermissions } from '../../hooks/usePluginPermissions';
import { useT } from '../../hooks/useT';
import { PLUGIN_ID } from '../../pluginId';
import { Documents, ResponseSection } from './components/Documents';
import { IntakeActions } from './components/IntakeActions';
import { OficioData } from './components/OficioData';
import { Timeline } from './components/Timeline';
import { WorkItems } from './components/WorkItems';

const OFICIO_UID = 'api::oficio.oficio';

/** One oficio: its data, work items, timeline, documents and response, with their actions. */
export const OficioPage = () => {
  const t = useT();
  const { documentId } = useParams<{ documentId: string }>();
  const permissions = usePluginPermissions();
  const { data, error, isLoading, refetch } = useApi<GetOficio.Response>(
    documentId ? `/comunicacion/oficios/${documentId}` : null
  );
  const [action, setAction] = React.useState<ItemAction | null>(null);

  const back = (
    <Link tag={NavLink} to={`/plugins/${PLUGIN_ID}/bandejas`} startIcon={<ArrowLeft />}>
      {t('oficio.back', 'Volver a Bandejas')}
    </Link>
  );

  if (isLoading && !data) return <Page.Loading />;
  if (error || !data) {
    return (
      <Page.Main>
        <Layouts.Header navigationAction={back} title={t('oficio.title', 'Oficio')} />
        <Layouts.Content>
          <EmptyStateLayout
            content={
              serverMessage(error) ??
              t('oficio.error', 'No se pudo cargar el oficio. Puede que no exista.')
            }
          />
        </Layouts.Content>
      </Page.Main>
    );
  }

  const { oficio, items, documents, timeline } = data.data;
  const awaitingAcceptance = oficio.isLate && !oficio.lateAcceptedAt;
  const badges = {
    overdue: false,
    dueToday: false,
    late: oficio.isLate,
    awaitingLateAcceptance: awaitingAcceptance,
    paused: oficio.status === 'informacion_incompleta',
  };
  const subject = { uid: OFICIO_UID, documentId: oficio.documentId, title: oficio.folio };

  return (
    <Page.Main>
      <Page.Title>{`${oficio.folio} · ${t('oficio.title', 'Oficio')}`}</Page.Title>
      <Layouts.Header
        navigationAction={back}
        title={oficio.folio}
        subtitle={oficio.subject}
        secondaryAction={
          <Flex gap={2}>
            <StatusBadge status={oficio.status} label={oficio.statusLabel} />
            <ItemBadges badges={badges} />
          </Flex>
        }
      />
      <Layouts.Action
        startActions={
          <TransitionButtons
            transitions={permissions.canFireTransitions ? oficio.transitions : []}
            onSelect={(transition) => setAction({ kind: 'transition', subject, transition })}
          >
            {awaitingAcceptance && permissions.canAcceptLate && (
              <Button
                onClick={() =>
                  setAction({
                    kind: 'acceptLate',
                    oficio: { documentId: oficio.documentId, folio: oficio.folio },
                    lateReasons: oficio.lateReasons,
                  })
                }
              >
                {t('queues.actions.acceptLate', 'Aceptar solicitud extemporánea')}
              </Button>
            )}
          </TransitionButtons>
        }
        endActions={<IntakeActions oficio={oficio} onChanged={refetch} />}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <OficioData oficio={oficio} />
          <WorkItems items={items} onAction={setAction} />
          <Timeline entries={timeline} />
          <Documents documents={documents} />
          <ResponseSection response={oficio.response} />
        </Flex>
      </Layouts.Content>
      <ItemActionDialogs action={action} onClose={() => setAction(null)} onChanged={refetch} />
    </Page.Main>
  );
};
