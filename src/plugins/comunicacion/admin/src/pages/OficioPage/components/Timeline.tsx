import { Box, Flex, Typography } from '@strapi/design-system';
import type { TimelineEntry } from '../../../../../shared/contracts/oficios';
import { useFormatters } from '../../../hooks/useFormatters';
import { useT } from '../../../hooks/useT';
import { Section } from './Section';

/** Historial: every state change and every edit of the oficio and its work items, oldest first. */
export const Timeline = ({ entries }: { entries: TimelineEntry[] }) => {
  const t = useT();
  const format = useFormatters();
  // Dates in an edit read as the rest of the page does; other values as they were stored.
  const shown = (value: string | null) => {
    if (value === null) return t('oficio.timeline.empty', '(vacío)');
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return format.dateTime(value) ?? value;
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return format.day(value) ?? value;
    return value;
  };
  const actors = {
    admin: t('oficio.timeline.staff', 'Personal de la Dirección'),
    api: t('oficio.timeline.api', 'Área solicitante'),
    system: t('oficio.timeline.system', 'Sistema'),
  };

  return (
    <Section id="oficio-timeline" title={t('oficio.sections.timeline', 'Historial')}>
      {!entries.length ? (
        <Typography textColor="neutral600">
          {t('oficio.timeline.none', 'Todavía no hay movimientos.')}
        </Typography>
      ) : (
        <Box tag="ol" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {entries.map((entry) => (
            <Box
              tag="li"
              key={entry.documentId}
              paddingTop={3}
              paddingBottom={3}
              paddingLeft={4}
              borderColor="primary200"
              style={{ borderWidth: '0 0 0 2px' }}
            >
              <Flex direction="column" alignItems="flex-start" gap={1}>
                <Typography variant="pi" textColor="neutral600">
                  <time dateTime={entry.at}>{format.dateTime(entry.at)}</time>
                  {' · '}
                  {entry.actorName ?? actors[entry.actorKind]}
                </Typography>
                {entry.kind === 'transition' ? (
                  <Typography>
                    {`${entry.workflowLabel}${entry.subjectTitle ? ` «${entry.subjectTitle}»` : ''}: `}
                    {entry.fromLabel
                      ? t('oficio.timeline.move', '{from} → {to}', {
                          from: entry.fromLabel,
                          to: entry.toLabel,
                        })
                      : t('oficio.timeline.created', 'se registró como {to}', {
                          to: entry.toLabel,
                        })}
                  </Typography>
                ) : (
                  <>
                    <Typography>
                      {`${entry.actionLabel} · ${entry.workflowLabel}${
                        entry.subjectTitle ? ` «${entry.subjectTitle}»` : ''
                      } · `}
                      <Typography variant="pi" textColor="neutral600">
                        {t('oficio.timeline.door', 'por {door}', { door: entry.doorLabel })}
                      </Typography>
                    </Typography>
                    <Box tag="ul" style={{ margin: 0, paddingLeft: '1.25rem' }}>
                      {entry.changes.map((change) => (
                        <Box tag="li" key={change.field}>
                          <Typography variant="omega">
                            {change.personal
                              ? t('oficio.timeline.personal', '{field}: cambió (dato reservado)', {
                                  field: change.label,
                                })
                              : t('oficio.timeline.change', '{field}: {from} → {to}', {
                                  field: change.label,
                                  from: shown(change.from),
                                  to: shown(change.to),
                                })}
                          </Typography>
                        </Box>
                      ))}
                    </Box>
                  </>
                )}
                {entry.comment && (
                  <Typography tag="blockquote" textColor="neutral800" fontWeight="semiBold">
                    {`«${entry.comment}»`}
                  </Typography>
                )}
              </Flex>
            </Box>
          ))}
        </Box>
      )}
    </Section>
  );
};
