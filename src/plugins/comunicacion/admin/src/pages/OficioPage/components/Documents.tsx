import { Box, Flex, Link, Typography } from '@strapi/design-system';
import type { GetOficio, OficioDocument } from '../../../../../shared/contracts/oficios';
import { useFormatters } from '../../../hooks/useFormatters';
import { useT } from '../../../hooks/useT';
import { FieldList, Section } from './Section';

/** Uploads are served by the backend, which may sit on another origin than the panel. */
const fileUrl = (url: string) => {
  const backend = (window as { strapi?: { backendURL?: string } }).strapi?.backendURL ?? '';
  return url.startsWith('/') ? `${backend}${url}` : url;
};

export const DocumentLink = ({ document }: { document: OficioDocument }) => (
  <Link href={fileUrl(document.url)} isExternal>
    {`${document.label}: ${document.name}`}
  </Link>
);

/** Documentos: the scan, proposals, response and attachments. */
export const Documents = ({ documents }: { documents: OficioDocument[] }) => {
  const t = useT();
  return (
    <Section id="oficio-documents" title={t('oficio.sections.documents', 'Documentos')}>
      {!documents.length ? (
        <Typography textColor="neutral600">
          {t('oficio.documents.none', 'Sin documentos adjuntos.')}
        </Typography>
      ) : (
        <Box tag="ul" style={{ margin: 0, paddingLeft: '1.25rem' }}>
          {documents.map((document) => (
            <Box tag="li" key={`${document.kind}:${document.id}`} paddingBottom={2}>
              <Flex gap={2}>
                <DocumentLink document={document} />
                <Typography variant="pi" textColor="neutral600">
                  {document.mime}
                </Typography>
              </Flex>
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
              value: response.document ? <DocumentLink document={response.document} /> : null,
            },
          ]}
        />
      )}
    </Section>
  );
};
