import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import type { GetOficio, OficioDocument } from '../../../../../shared/contracts/oficios';
import { useFormatters } from '../../../hooks/useFormatters';
import { useT } from '../../../hooks/useT';
import { errorMessage } from '../../../services/api';
import { useRecordFile } from '../../../services/record-files';
import { FieldList, Section } from './Section';

type Downloads = ReturnType<typeof useRecordFile>;

/** One document: what it is, its name and type, and its download (with the session). */
const DocumentRow = ({
  document,
  downloads,
}: {
  document: OficioDocument;
  downloads: Downloads;
}) => {
  const t = useT();
  const refused = downloads.failed?.id === document.id ? downloads.failed.error : null;
  return (
    <Flex direction="column" alignItems="stretch" gap={1}>
      <Flex gap={3} wrap="wrap" justifyContent="space-between">
        <Flex direction="column" alignItems="flex-start" style={{ minWidth: 0 }}>
          <Typography fontWeight="semiBold">{document.label}</Typography>
          <Typography variant="pi" textColor="neutral600">
            {`${document.name} · ${document.mime}`}
          </Typography>
        </Flex>
        <Button
          variant="tertiary"
          size="S"
          startIcon={<Download />}
          loading={downloads.pendingId === document.id}
          aria-label={t('oficio.documents.downloadNamed', 'Descargar {label}: {name}', {
            label: document.label,
            name: document.name,
          })}
          onClick={() => void downloads.download(document)}
        >
          {t('oficio.documents.download', 'Descargar')}
        </Button>
      </Flex>
      {Boolean(refused) && (
        <Typography variant="pi" textColor="danger700" role="alert">
          {errorMessage(refused) ?? t('oficio.documents.error', 'No se pudo descargar el archivo.')}
        </Typography>
      )}
    </Flex>
  );
};

/** Documentos: the scan, the area's attachments, the acuse, proposals, response and annexes. */
export const Documents = ({ documents }: { documents: OficioDocument[] }) => {
  const t = useT();
  const downloads = useRecordFile();
  return (
    <Section id="oficio-documents" title={t('oficio.sections.documents', 'Documentos')}>
      {!documents.length ? (
        <Typography textColor="neutral600">
          {t('oficio.documents.none', 'Sin documentos adjuntos.')}
        </Typography>
      ) : (
        <Box tag="ul" style={{ margin: 0, padding: 0, listStyle: 'none', maxWidth: '48rem' }}>
          {documents.map((document, index) => (
            <Box
              tag="li"
              key={`${document.kind}:${document.id}`}
              paddingTop={index ? 3 : 0}
              paddingBottom={3}
              // A rule between documents, none under the last one.
              {...(index < documents.length - 1
                ? { borderColor: 'neutral150', borderStyle: 'solid', borderWidth: '0 0 1px 0' }
                : {})}
            >
              <DocumentRow document={document} downloads={downloads} />
            </Box>
          ))}
        </Box>
      )}
    </Section>
  );
};

type OficioResponse = GetOficio.Response['data']['oficio']['response'];

/** Respuesta: the answer oficio's folio, date and document. */
export const ResponseSection = ({ response }: { response: OficioResponse }) => {
  const t = useT();
  const format = useFormatters();
  const downloads = useRecordFile();
  const answered = Boolean(response.folio || response.date || response.document);
  return (
    <Section id="oficio-response" title={t('oficio.sections.response', 'Respuesta')}>
      {!answered ? (
        <Typography textColor="neutral600">
          {t('oficio.response.none', 'Aún no se registra la respuesta.')}
        </Typography>
      ) : (
        <FieldList
          fields={[
            { label: t('oficio.response.folio', 'Folio de respuesta'), value: response.folio },
            { label: t('oficio.response.date', 'Fecha'), value: format.day(response.date) },
            {
              label: t('oficio.response.document', 'Documento'),
              value: response.document ? (
                <DocumentRow document={response.document} downloads={downloads} />
              ) : null,
            },
          ]}
        />
      )}
    </Section>
  );
};
