import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { QuestionResult } from '../../../../../shared/contracts/surveys';
import { Panel } from '../../../components/Panel';
import { useFormatters } from '../../../hooks/useFormatters';
import { useT } from '../../../hooks/useT';
import { ValueBars } from './ValueBars';

const KIND_LABELS: Record<QuestionResult['kind'], string> = {
  opcion_unica: 'Opción única',
  opcion_multiple: 'Opción múltiple',
  escala: 'Escala',
  texto: 'Respuesta abierta',
};

interface QuestionResultPanelProps {
  question: QuestionResult;
  index: number;
  /** Another page of a text question's answers. */
  onTextPage: (key: string, page: number) => void;
}

/** One question's results: bars per option or scale value, or the latest text answers. */
export const QuestionResultPanel = ({ question, index, onTextPage }: QuestionResultPanelProps) => {
  const t = useT();
  const { formatNumber } = useIntl();
  const { dateTime } = useFormatters();
  const kind = t(`surveys.kind.${question.kind}`, KIND_LABELS[question.kind]);
  const description = [
    kind,
    question.required ? t('surveys.results.required', 'obligatoria') : null,
    t('surveys.results.answered', '{count, plural, one {# respuesta} other {# respuestas}}', {
      count: question.answered,
    }),
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <Panel
      id={`question-${question.key}`}
      title={`${index + 1}. ${question.prompt}`}
      description={description}
    >
      {question.options && <ValueBars rows={question.options} label={question.prompt} />}

      {question.scale && (
        <Flex direction="column" alignItems="stretch" gap={3}>
          <Typography variant="omega" fontWeight="bold">
            {question.scale.mean === null
              ? t('surveys.results.noMean', 'Sin respuestas todavía.')
              : t('surveys.results.mean', 'Promedio: {mean} (escala de {min} a {max})', {
                  mean: formatNumber(question.scale.mean, { maximumFractionDigits: 2 }),
                  min: question.scale.min,
                  max: question.scale.max,
                })}
          </Typography>
          <ValueBars rows={question.scale.distribution} label={question.prompt} />
        </Flex>
      )}

      {question.texts &&
        (question.texts.items.length === 0 ? (
          <Typography textColor="neutral600">
            {t('surveys.results.noTexts', 'Nadie ha escrito una respuesta todavía.')}
          </Typography>
        ) : (
          <Flex direction="column" alignItems="stretch" gap={3}>
            <Flex tag="ul" direction="column" alignItems="stretch" gap={2}>
              {question.texts.items.map((item, i) => (
                <Box
                  key={`${item.submittedAt}-${i}`}
                  tag="li"
                  background="neutral100"
                  hasRadius
                  padding={3}
                >
                  <Typography tag="p" style={{ whiteSpace: 'pre-wrap' }}>
                    {item.text}
                  </Typography>
                  <Typography variant="pi" textColor="neutral600">
                    {dateTime(item.submittedAt)}
                  </Typography>
                </Box>
              ))}
            </Flex>
            {question.texts.pagination.pageCount > 1 && (
              <Flex justifyContent="space-between" alignItems="center" gap={2}>
                <Button
                  variant="tertiary"
                  disabled={question.texts.pagination.page <= 1}
                  onClick={() => onTextPage(question.key, question.texts!.pagination.page - 1)}
                >
                  {t('surveys.results.newer', 'Más recientes')}
                </Button>
                <Typography variant="pi" textColor="neutral600">
                  {t('surveys.results.page', 'Página {page} de {pageCount}', {
                    page: question.texts.pagination.page,
                    pageCount: question.texts.pagination.pageCount,
                  })}
                </Typography>
                <Button
                  variant="tertiary"
                  disabled={question.texts.pagination.page >= question.texts.pagination.pageCount}
                  onClick={() => onTextPage(question.key, question.texts!.pagination.page + 1)}
                >
                  {t('surveys.results.older', 'Anteriores')}
                </Button>
              </Flex>
            )}
          </Flex>
        ))}
    </Panel>
  );
};
