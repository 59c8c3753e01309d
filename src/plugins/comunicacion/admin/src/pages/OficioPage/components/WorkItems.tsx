import { Box, Button, Flex, Typography } from '@strapi/design-system';
import type { OficioItem } from '../../../../../shared/contracts/oficios';
import { transitionAction, type ItemAction } from '../../../components/ItemActionDialogs';
import { ItemBadges } from '../../../components/ItemBadges';
import { ItemWarnings } from '../../../components/ItemWarnings';
import { StatusBadge } from '../../../components/StatusBadge';
import { TransitionButtons } from '../../../components/TransitionButtons';
import { useFormatters } from '../../../hooks/useFormatters';
import { usePluginPermissions } from '../../../hooks/usePluginPermissions';
import { useT } from '../../../hooks/useT';
import { isPublishable, isVerifiable, visibleTransitions } from '../../../utils/publishing';
import { FieldList, Section } from './Section';

export interface WorkItemsProps {
  items: OficioItem[];
  onAction: (action: ItemAction) => void;
}

/** Trabajos: every work item of the oficio with its state, due date, people and actions. */
export const WorkItems = ({ items, onAction }: WorkItemsProps) => {
  const t = useT();
  const format = useFormatters();
  const permissions = usePluginPermissions();

  return (
    <Section id="oficio-items" title={t('oficio.sections.items', 'Trabajos')}>
      {!items.length && (
        <Typography textColor="neutral600">
          {t('oficio.items.none', 'Este oficio aún no tiene trabajos registrados.')}
        </Typography>
      )}
      {items.map((item) => {
        const headingId = `item-${item.documentId}`;
        const subject = { uid: item.uid, documentId: item.documentId, title: item.title };
        const canUpload =
          permissions.canUploadProposals &&
          item.workflow === 'design' &&
          item.status === 'en_diseno';
        const toVerify =
          permissions.canPublish && isPublishable(item.uid) && isVerifiable(item.status)
            ? { ...subject, uid: item.uid }
            : null;
        return (
          <Box
            key={`${item.uid}:${item.documentId}`}
            tag="article"
            aria-labelledby={headingId}
            borderColor="neutral200"
            hasRadius
            padding={4}
          >
            <Flex direction="column" alignItems="stretch" gap={3}>
              <Flex gap={3} wrap="wrap">
                <Typography variant="sigma" textColor="neutral600">
                  {item.workflowLabel}
                </Typography>
                <Typography tag="h3" variant="omega" fontWeight="bold" id={headingId}>
                  {item.title}
                </Typography>
                <StatusBadge status={item.status} label={item.statusLabel} />
                <ItemBadges badges={item.badges} />
              </Flex>
              <ItemWarnings warnings={item.warnings} />
              <FieldList
                fields={[
                  { label: t('oficio.items.due', 'Vence'), value: format.day(item.dueAt) },
                  // What the service still lacks before its work may start, while it lacks it.
                  ...(item.missing.length
                    ? [
                        {
                          label: t('oficio.items.missing', 'Falta para iniciar'),
                          value: item.missing.map((field) => field.label).join(', '),
                        },
                      ]
                    : []),
                  {
                    label: t('oficio.items.assignees', 'Responsables'),
                    value: item.assignees.length
                      ? item.assignees.map((person) => person.name).join(', ')
                      : t('queues.unassigned', 'Sin asignar'),
                  },
                ]}
              />
              <TransitionButtons
                transitions={
                  permissions.canFireTransitions
                    ? visibleTransitions(item.uid, item.transitions, permissions.canPublish)
                    : []
                }
                onSelect={(transition) => onAction(transitionAction(subject, transition))}
              >
                {toVerify && (
                  <Button
                    variant="secondary"
                    onClick={() => onAction({ kind: 'verify', subject: toVerify })}
                  >
                    {t('publish.verify.title', 'Verificar y responder')}
                  </Button>
                )}
                {permissions.canAssign && (
                  <Button
                    variant="tertiary"
                    onClick={() =>
                      onAction({ kind: 'assign', item: { ...subject, assignees: item.assignees } })
                    }
                  >
                    {t('queues.actions.assign', 'Asignar')}
                  </Button>
                )}
                <Button
                  variant="tertiary"
                  onClick={() =>
                    onAction({
                      kind: 'complete',
                      item: {
                        workflow: item.workflow,
                        documentId: item.documentId,
                        title: item.title,
                      },
                    })
                  }
                >
                  {t('complete.action', 'Completar datos')}
                </Button>
                {canUpload && (
                  <Button
                    variant="tertiary"
                    onClick={() =>
                      onAction({
                        kind: 'proposal',
                        design: { documentId: item.documentId, title: item.title },
                      })
                    }
                  >
                    {t('queues.actions.uploadProposal', 'Subir versión de propuesta')}
                  </Button>
                )}
              </TransitionButtons>
            </Flex>
          </Box>
        );
      })}
    </Section>
  );
};
