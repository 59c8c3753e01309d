import * as React from 'react';
import { Button, EmptyStateLayout, Flex, Link } from '@strapi/design-system';
import { ArrowLeft } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { NavLink, useLocation, useParams } from 'react-router-dom';
import { ItemActionDialogs, type ItemAction } from '../../components/ItemActionDialogs';
import { ItemBadges } from '../../components/ItemBadges';
import { StatusBadge } from '../../components/StatusBadge';
import { TransitionButtons } from '../../components/TransitionButtons';
import { usePluginPermissions } from '../../hooks/usePluginPermissions';
import { useScrollToTop } from '../../hooks/useScrollToTop';
import { useT } from '../../hooks/useT';
import { PLUGIN_ID } from '../../pluginId';
import { errorMessage } from '../../services/api';
import { useGetOficioQuery } from '../../services/oficios';
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
  const {
    currentData: data,
    error,
    isFetching,
    refetch,
  } = useGetOficioQuery(documentId ?? '', {
    skip: !documentId,
  });
  const [action, setAction] = React.useState<ItemAction | null>(null);
  const top = useScrollToTop<HTMLSpanElement>(`${documentId}:${Boolean(data)}`);

  // Opened from a search, it goes back to that search; otherwise to Bandejas.
  const fromSearch = (useLocation().state as { fromSearch?: unknown } | null)?.fromSearch;
  const back =
    typeof fromSearch === 'string' ? (
      <Link tag={NavLink} to={fromSearch} startIcon={<ArrowLeft />}>
        {t('oficio.backToSearch', 'Volver a Oficios')}
      </Link>
    ) : (
      <Link tag={NavLink} to={`/plugins/${PLUGIN_ID}/bandejas`} startIcon={<ArrowLeft />}>
        {t('oficio.back', 'Volver a Bandejas')}
      </Link>
    );

  if (isFetching && !data) return <Page.Loading />;
  if (error || !data) {
    return (
      <Page.Main>
        <Layouts.Header navigationAction={back} title={t('oficio.title', 'Oficio')} />
        <Layouts.Content>
          <EmptyStateLayout
            content={
              errorMessage(error) ??
              t('oficio.error', 'No se pudo cargar el oficio. Puede que no exista.')
            }
          />
        </Layouts.Content>
      </Page.Main>
    );
  }

  const { oficio, items, documents, timeline } = data;
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
      <span ref={top} />
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
      <ItemActionDialogs
        action={action}
        onClose={() => setAction(null)}
        onChanged={() => void refetch()}
      />
    </Page.Main>
  );
};
