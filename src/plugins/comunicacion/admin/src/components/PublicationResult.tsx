import { Badge, Box, Flex, Link, Typography } from '@strapi/design-system';
import { CheckCircle, CrossCircle } from '@strapi/icons';
import type {
  PublicationResult as PublicationResultDto,
  PublicationStep,
} from '../../../shared/contracts/publications';
import { useFormatters } from '../hooks/useFormatters';
import { useT } from '../hooks/useT';
import { fileUrl } from '../utils/publishing';

const STEP_LABELS: Record<PublicationStep['key'], [id: string, label: string]> = {
  publicada: ['publish.steps.publicada', 'Publicada'],
  aviso: ['publish.steps.aviso', 'Aviso al sitio'],
  verificada: ['publish.steps.verificada', 'Verificada'],
  respondida: ['publish.steps.respondida', 'Respondida'],
};

export interface PublicationResultProps {
  result: PublicationResultDto;
  /** Only the steps (a withdrawal: the earlier evidence and answer are not news). */
  stepsOnly?: boolean;
}

/**
 * What a publishing call did: each step as it came back (done or not, with the server's message),
 * the verification evidence, the answer PDF and the item's page on the site.
 */
export const PublicationResult = ({ result, stepsOnly = false }: PublicationResultProps) => {
  const t = useT();
  const format = useFormatters();
  const evidence = stepsOnly ? null : result.evidence;
  const answer = stepsOnly ? null : result.answer;
  const pageUrl = stepsOnly ? null : result.pageUrl;

  const fields: { label: string; value: React.ReactNode }[] = evidence
    ? [
        {
          label: t('publish.evidence.url', 'Dirección verificada'),
          value: (
            <Link href={evidence.url} isExternal>
              {evidence.url}
            </Link>
          ),
        },
        {
          label: t('publish.evidence.httpStatus', 'Respuesta HTTP'),
          value: String(evidence.httpStatus),
        },
        {
          label: t('publish.evidence.checkedAt', 'Verificado el'),
          value: format.dateTime(evidence.checkedAt),
        },
        {
          label: t('publish.evidence.contentHash', 'Huella del contenido'),
          value: (
            <Typography
              variant="pi"
              style={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}
              data-testid="evidence-hash"
            >
              {evidence.contentHash}
            </Typography>
          ),
        },
      ]
    : [];
  // With a site URL the main evidence is the page; the API read is kept beside it.
  if (evidence?.page && evidence.api.url !== evidence.url) {
    fields.push({
      label: t('publish.evidence.api', 'Consulta a la API de contenido'),
      value: (
        <>
          <Link href={evidence.api.url} isExternal>
            {evidence.api.url}
          </Link>{' '}
          {t('publish.evidence.apiStatus', '(HTTP {status})', { status: evidence.api.httpStatus })}
        </>
      ),
    });
  }

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex
        tag="ol"
        direction="column"
        alignItems="stretch"
        gap={2}
        aria-label={t('publish.steps.label', 'Pasos de la publicación')}
        style={{ listStyle: 'none', margin: 0, padding: 0 }}
      >
        {result.steps.map((step) => {
          const [id, label] = STEP_LABELS[step.key] ?? [step.key, step.key];
          return (
            <Box
              key={step.key}
              tag="li"
              data-step={step.key}
              data-ok={String(step.ok)}
              background={step.ok ? 'success100' : 'danger100'}
              borderColor={step.ok ? 'success200' : 'danger200'}
              hasRadius
              padding={3}
            >
              <Flex gap={3} alignItems="flex-start">
                <Box paddingTop={1} color={step.ok ? 'success600' : 'danger600'}>
                  {step.ok ? <CheckCircle aria-hidden /> : <CrossCircle aria-hidden />}
                </Box>
                <Flex direction="column" alignItems="flex-start" gap={1}>
                  <Flex gap={2} wrap="wrap">
                    <Typography fontWeight="bold">{t(id, label)}</Typography>
                    <Badge variant={step.ok ? 'success' : 'danger'}>
                      {step.ok
                        ? t('publish.steps.ok', 'Hecho')
                        : t('publish.steps.failed', 'No se completó')}
                    </Badge>
                  </Flex>
                  {step.message && <Typography variant="pi">{step.message}</Typography>}
                </Flex>
              </Flex>
            </Box>
          );
        })}
      </Flex>

      {evidence && (
        <Box tag="section" aria-labelledby="publication-evidence-title">
          <Typography tag="h3" variant="sigma" id="publication-evidence-title">
            {t('publish.evidence.title', 'Evidencia de la verificación')}
          </Typography>
          <Box
            tag="dl"
            paddingTop={2}
            style={{ display: 'grid', gridTemplateColumns: 'minmax(9rem, auto) 1fr', gap: '8px' }}
          >
            {fields.map((field) => (
              <Box key={field.label} style={{ display: 'contents' }}>
                <Typography tag="dt" variant="pi" textColor="neutral600">
                  {field.label}
                </Typography>
                <Typography tag="dd" variant="pi" style={{ margin: 0, overflowWrap: 'anywhere' }}>
                  {field.value ?? '—'}
                </Typography>
              </Box>
            ))}
          </Box>
        </Box>
      )}

      {(answer || pageUrl) && (
        <Flex direction="column" alignItems="flex-start" gap={2}>
          {answer && (
            <Link href={fileUrl(answer.url)} isExternal>
              {answer.folio
                ? t('publish.answer.linkWithFolio', 'Respuesta {folio} (PDF)', {
                    folio: answer.folio,
                  })
                : t('publish.answer.link', 'Respuesta al oficio (PDF)')}
            </Link>
          )}
          {pageUrl && (
            <Link href={pageUrl} isExternal>
              {t('publish.pageUrl', 'Ver la página en el sitio')}
            </Link>
          )}
        </Flex>
      )}
    </Flex>
  );
};
