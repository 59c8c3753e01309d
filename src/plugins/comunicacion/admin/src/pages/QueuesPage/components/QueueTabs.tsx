import * as React from 'react';
import { Badge, Box, Flex, Tabs, Typography } from '@strapi/design-system';
import type { QueueSummary } from '../../../../../shared/contracts/queues';
import { useT } from '../../../hooks/useT';

export interface QueueTabsProps {
  queues: QueueSummary[];
  selected: string;
  onSelect: (key: string) => void;
  /** The selected queue's panel: filters and items. */
  children: React.ReactNode;
}

/**
 * One tab per queue the staff member may see, with its open and overdue counts, and the selected
 * queue as the tab's panel. The tabs scroll sideways on a narrow screen instead of wrapping.
 */
export const QueueTabs = ({ queues, selected, onSelect, children }: QueueTabsProps) => {
  const t = useT();
  return (
    <Tabs.Root value={selected} onValueChange={onSelect} variant="simple">
      <Box overflow="auto" style={{ overflowY: 'hidden' }}>
        <Tabs.List aria-label={t('queues.tabs.label', 'Bandejas')} style={{ flexWrap: 'nowrap' }}>
          {queues.map((queue) => (
            <Tabs.Trigger
              key={queue.key}
              value={queue.key}
              style={{ flexShrink: 0, whiteSpace: 'nowrap' }}
            >
              <Flex gap={2}>
                <Typography>{queue.label}</Typography>
                <Badge
                  aria-label={t(
                    'queues.tabs.open',
                    '{count, plural, one {# abierto} other {# abiertos}}',
                    { count: queue.total }
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
                      { count: queue.overdue }
                    )}
                  >
                    {queue.overdue}
                  </Badge>
                )}
              </Flex>
            </Tabs.Trigger>
          ))}
        </Tabs.List>
      </Box>
      {/* Only the selected queue is loaded: its tab controls this panel. */}
      <Tabs.Content value={selected}>
        <Box paddingTop={4}>{children}</Box>
      </Tabs.Content>
    </Tabs.Root>
  );
};
