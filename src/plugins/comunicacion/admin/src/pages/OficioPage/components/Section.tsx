import * as React from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';

export interface SectionProps {
  id: string;
  title: string;
  children: React.ReactNode;
}

/** A titled card of the oficio page, announced as a region by its title. */
export const Section = ({ id, title, children }: SectionProps) => (
  <Box
    tag="section"
    aria-labelledby={`${id}-title`}
    background="neutral0"
    hasRadius
    shadow="tableShadow"
    paddingTop={{ initial: 4, medium: 6 }}
    paddingBottom={{ initial: 4, medium: 6 }}
    paddingLeft={{ initial: 4, medium: 7 }}
    paddingRight={{ initial: 4, medium: 7 }}
  >
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography tag="h2" variant="delta" id={`${id}-title`}>
        {title}
      </Typography>
      {children}
    </Flex>
  </Box>
);

export interface FieldListProps {
  fields: { label: string; value: React.ReactNode }[];
}

/** Label and value pairs as a description list, two columns wide. */
export const FieldList = ({ fields }: FieldListProps) => (
  <Box
    tag="dl"
    style={{
      display: 'grid',
      gridTemplateColumns: 'repeat(auto-fill, minmax(min(16rem, 100%), 1fr))',
      gap: '16px',
    }}
  >
    {fields.map((field) => (
      <Flex key={field.label} direction="column" alignItems="flex-start" gap={1}>
        <Typography tag="dt" variant="sigma" textColor="neutral600">
          {field.label}
        </Typography>
        <Typography tag="dd" style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
          {field.value ?? '—'}
        </Typography>
      </Flex>
    ))}
  </Box>
);
