import { Button, Flex } from '@strapi/design-system';
import { FileCsv, FileXls } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import type { ExportFormat } from '../../../shared/contracts/intake';
import { useT } from '../hooks/useT';
import { ExportError, useExportDownload, type ExportTarget } from '../services/exports';

export interface ExportButtonsProps {
  target: ExportTarget;
  /** The page's current filters: the file holds exactly what the page lists. */
  filters: Record<string, string | undefined>;
  disabled?: boolean;
}

/** «Exportar CSV» and «Exportar Excel» of what the page shows. */
export const ExportButtons = ({ target, filters, disabled }: ExportButtonsProps) => {
  const t = useT();
  const { toggleNotification } = useNotification();
  const { download, downloading } = useExportDownload(target);

  const run = (format: ExportFormat) =>
    download(format, filters).catch((error: unknown) =>
      toggleNotification({
        type: 'danger',
        message:
          (error instanceof ExportError && error.serverMessage) ||
          t('export.error', 'No se pudo generar el archivo. Intenta de nuevo.'),
      })
    );

  return (
    <Flex gap={2} wrap="wrap">
      <Button
        variant="secondary"
        startIcon={<FileCsv />}
        loading={downloading === 'csv'}
        disabled={disabled || downloading !== null}
        onClick={() => run('csv')}
      >
        {t('export.csv', 'Exportar CSV')}
      </Button>
      <Button
        variant="secondary"
        startIcon={<FileXls />}
        loading={downloading === 'xlsx'}
        disabled={disabled || downloading !== null}
        onClick={() => run('xlsx')}
      >
        {t('export.xlsx', 'Exportar Excel')}
      </Button>
    </Flex>
  );
};
