import { Flex, IconButton, Menu, Typography } from '@strapi/design-system';
import { More } from '@strapi/icons';
import { useNavigate } from 'react-router-dom';
import type { QueueItem } from '../../../../../shared/contracts/queues';
import { transitionAction, type ItemAction } from '../../../components/ItemActionDialogs';
import { usePluginPermissions } from '../../../hooks/usePluginPermissions';
import { useT } from '../../../hooks/useT';
import { PLUGIN_ID } from '../../../pluginId';
import { errorMessage } from '../../../services/api';
import { useLazyGetItemTransitionsQuery } from '../../../services/items';
import { isPublishable, isVerifiable, visibleTransitions } from '../../../utils/publishing';

const OFICIO_UID = 'api::oficio.oficio';

export interface ItemActionsMenuProps {
  item: QueueItem;
  onAction: (action: ItemAction) => void;
}

/**
 * A row's actions: the transitions of its current state, fetched when the menu opens (those the
 * rules refuse now are shown disabled with the reason), then assign, accept late and upload.
 */
export const ItemActionsMenu = ({ item, onAction }: ItemActionsMenuProps) => {
  const t = useT();
  const navigate = useNavigate();
  const permissions = usePluginPermissions();
  const [loadTransitions, transitionsQuery] = useLazyGetItemTransitionsQuery();

  // Read afresh each time the menu opens: another person may have moved the item meanwhile.
  const load = () => {
    if (!permissions.canFireTransitions) return;
    void loadTransitions({ uid: item.uid, documentId: item.documentId }, false);
  };
  const loaded = transitionsQuery.isFetching
    ? ({ status: 'loading' } as const)
    : transitionsQuery.isError
      ? ({
          status: 'error',
          message:
            errorMessage(transitionsQuery.error) ??
            t('queues.actions.transitionsError', 'No se pudieron cargar las acciones.'),
        } as const)
      : transitionsQuery.data
        ? ({
            status: 'loaded',
            transitions: visibleTransitions(
              item.uid,
              transitionsQuery.data.transitions,
              permissions.canPublish
            ),
          } as const)
        : ({ status: 'idle' } as const);

  const subject = { uid: item.uid, documentId: item.documentId, title: item.title };
  const isOficio = item.uid === OFICIO_UID;
  const canAssign = permissions.canAssign && !isOficio;
  const canAcceptLate =
    permissions.canAcceptLate && item.badges.awaitingLateAcceptance && Boolean(item.oficio);
  const canUpload =
    permissions.canUploadProposals && item.workflow === 'design' && item.status === 'en_diseno';
  const toVerify =
    permissions.canPublish && isPublishable(item.uid) && isVerifiable(item.status)
      ? { ...subject, uid: item.uid }
      : null;

  return (
    <Menu.Root onOpenChange={(open) => open && load()}>
      <Menu.Trigger
        tag={IconButton}
        icon={<More />}
        variant="ghost"
        label={t('queues.actions.label', 'Acciones de «{title}»', { title: item.title })}
      />
      <Menu.Content popoverPlacement="bottom-end">
        {permissions.canFireTransitions && (
          <>
            <Menu.Label>{t('queues.actions.transitions', 'Cambiar estado')}</Menu.Label>
            {loaded.status === 'loading' && (
              <Menu.Item disabled>{t('state.loading', 'Cargando…')}</Menu.Item>
            )}
            {loaded.status === 'error' && <Menu.Item disabled>{loaded.message}</Menu.Item>}
            {loaded.status === 'loaded' && !loaded.transitions.length && (
              <Menu.Item disabled>
                {t('queues.actions.noTransitions', 'No hay cambios de estado disponibles')}
              </Menu.Item>
            )}
            {loaded.status === 'loaded' &&
              loaded.transitions.map((transition) => (
                <Menu.Item
                  key={transition.to}
                  disabled={!transition.allowed}
                  onSelect={() => onAction(transitionAction(subject, transition))}
                >
                  <Flex direction="column" alignItems="flex-start" gap={1}>
                    <Typography>{transition.label}</Typography>
                    {!transition.allowed && transition.reason && (
                      <Typography variant="pi" textColor="neutral600">
                        {transition.reason.message}
                      </Typography>
                    )}
                  </Flex>
                </Menu.Item>
              ))}
            <Menu.Separator />
          </>
        )}
        {toVerify && (
          <Menu.Item onSelect={() => onAction({ kind: 'verify', subject: toVerify })}>
            {t('publish.verify.title', 'Verificar y responder')}
          </Menu.Item>
        )}
        {canAssign && (
          <Menu.Item
            onSelect={() =>
              onAction({
                kind: 'assign',
                item: { ...subject, assignees: item.assignees },
              })
            }
          >
            {t('queues.actions.assign', 'Asignar')}
          </Menu.Item>
        )}
        {canAcceptLate && item.oficio && (
          <Menu.Item
            onSelect={() => item.oficio && onAction({ kind: 'acceptLate', oficio: item.oficio })}
          >
            {t('queues.actions.acceptLate', 'Aceptar solicitud extemporánea')}
          </Menu.Item>
        )}
        {canUpload && (
          <Menu.Item
            onSelect={() =>
              onAction({
                kind: 'proposal',
                design: { documentId: item.documentId, title: item.title },
              })
            }
          >
            {t('queues.actions.uploadProposal', 'Subir versión de propuesta')}
          </Menu.Item>
        )}
        {!isOficio && (
          <Menu.Item
            onSelect={() =>
              onAction({
                kind: 'complete',
                item: { workflow: item.workflow, documentId: item.documentId, title: item.title },
              })
            }
          >
            {t('complete.action', 'Completar datos')}
          </Menu.Item>
        )}
        {item.oficio && permissions.canReadOficios && (
          <Menu.Item
            onSelect={() =>
              item.oficio && navigate(`/plugins/${PLUGIN_ID}/oficios/${item.oficio.documentId}`)
            }
          >
            {t('queues.actions.openOficio', 'Ver oficio')}
          </Menu.Item>
        )}
      </Menu.Content>
    </Menu.Root>
  );
};
