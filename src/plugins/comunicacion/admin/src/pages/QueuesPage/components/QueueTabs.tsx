import { Badge, Box, Flex, Tabs, Typography } from '@strapi/design-system';
import type { QueueSummary } from '../../../../../shared/contracts/queues';
import { useT } from '../../../hooks/useT';

export interface QueueTabsProps {
  queues: QueueSummary[];
  selected: string;
  onSelect: (key: string) => void;
}

/** One tab per queue the staff member may see, with its open and overdue counts. */
export const QueueTabs = ({ queues, selected, onSelect }: QueueTabsProps) => {
  const t = useT();
  return (
    <Box overflow="auto">
      <Tabs.Root value={selected} onValueChange={onSelect} variant="simple">
        <Tabs.List aria-label={t('queues.tabs.label', 'Bandejas')}>
          {queues.map((queue) => (
            <Tabs.Trigger key={queue.key} value={queue.key}>
              <Flex gap={2}>
                <Typography>{queue.label}</Typography>
                <Badge
                  aria-label={t(
                    'queues.tabs.open',
                    '{count, plural, one {# abierto} other {# abiertos}}',
                    {
                      count: queue.total,
                    }
                  )}
                >
                  {queue.total}
                </Badge>
                {queue.overdue > 0 && (
                  <Badge
                    variant="danger"
                    aria-label={t(
                      'queues.tabs.overdue',
                      '{count, plural, one {# vencido} other {# vencidos}}',
                      {
                        count: queue.overdue,
                      }
                    )}
                  >
                    {queue.overdue}
                  </Badge>
                )}
              </Flex>
            </Tabs.Trigger>
          ))}
        </Tabs.List>
      </Tabs.Root>
    </Box>
  );
};
