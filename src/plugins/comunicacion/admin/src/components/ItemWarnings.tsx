import { Flex, Typography } from '@strapi/design-system';
import { WarningCircle } from '@strapi/icons';

/** Advice that does not block the work (e.g. difusión with less than 8 days), in Spanish. */
export const ItemWarnings = ({ warnings }: { warnings?: string[] | null }) => {
  if (!warnings?.length) return null;
  return (
    <Flex direction="column" alignItems="flex-start" gap={1}>
      {warnings.map((warning) => (
        <Flex key={warning} gap={1} alignItems="flex-start">
          <WarningCircle aria-hidden fill="warning700" width="1.2rem" height="1.2rem" />
          <Typography variant="pi" textColor="warning700" style={{ whiteSpace: 'normal' }}>
            {warning}
          </Typography>
        </Flex>
      ))}
    </Flex>
  );
};
