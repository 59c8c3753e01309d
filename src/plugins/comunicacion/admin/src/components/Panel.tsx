import * as React from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';

interface PanelProps {
  id: string;
  title: string;
  description?: string;
  children: React.ReactNode;
  /** Fill the grid cell it sits in (dashboard cards side by side). */
  fill?: boolean;
}

/** A white section with a heading; the heading labels the region for screen readers. */
export const Panel = ({ id, title, description, children, fill = false }: PanelProps) => (
  <Box
    tag="section"
    aria-labelledby={`${id}-title`}
    background="neutral0"
    shadow="tableShadow"
    hasRadius
    padding={6}
    width={fill ? '100%' : undefined}
    height={fill ? '100%' : undefined}
  >
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex direction="column" alignItems="flex-start" gap={1}>
        <Typography id={`${id}-title`} tag="h2" variant="delta">
          {title}
        </Typography>
        {description && (
          <Typography variant="pi" textColor="neutral600">
            {description}
          </Typography>
        )}
      </Flex>
      {children}
    </Flex>
  </Box>
);
