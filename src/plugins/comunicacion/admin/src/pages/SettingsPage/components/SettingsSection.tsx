import * as React from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';

interface SettingsSectionProps {
  id: string;
  title: string;
  description?: string;
  children: React.ReactNode;
}

/** A titled group of settings; the title names the region. */
export const SettingsSection = ({ id, title, description, children }: SettingsSectionProps) => (
  <Box
    tag="section"
    aria-labelledby={`${id}-title`}
    background="neutral0"
    shadow="tableShadow"
    hasRadius
    padding={6}
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
