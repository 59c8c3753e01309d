import * as React from 'react';
import { Button, EmptyStateLayout, Flex, Link, Typography } from '@strapi/design-system';
import { ArrowLeft, Download } from '@strapi/icons';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { NavLink, useParams } from 'react-router-dom';
import { useFormatters } from '../../hooks/useFormatters';
import { useT } from '../../hooks/useT';
import { errorMessage } from '../../services/api';
import { useDownloadSurveyResponses } from '../../services/surveys';
import { PLUGIN_ID } from '../../pluginId';
import { QuestionResultPanel } from './components/QuestionResultPanel';
import { SurveyStateBadge, SurveysTable } from './components/SurveysTable';
import { useSurveyList, useSurveyResults } from './hooks/useSurveys';

const LIST_PATH = `/plugins/${PLUGIN_ID}/sitio/encuestas`;

/** Encuestas: the site's surveys with their response counts. */
export const SurveysPage = () => {
  const t = useT();
  const { data, error, isLoading } = useSurveyList();
  const title = t('surveys.title', 'Encuestas');

  return (
    <Page.Main aria-busy={isLoading}>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={t(
          'surveys.subtitle',
          'Resultados de las encuestas del sitio web. Las respuestas son anónimas.'
        )}
      />
      <Layouts.Content>
        {!data && isLoading ? (
          <Page.Loading />
        ) : !data ? (
          <Page.Error
            content={
              errorMessage(error) ??
              t('surveys.loadError', 'No se pudieron cargar las encuestas. Intenta de nuevo.')
            }
          />
        ) : data.length === 0 ? (
          <EmptyStateLayout
            content={t(
              'surveys.empty',
              'Aún no hay encuestas. Créalas en el Content Manager, en «Encuesta».'
            )}
          />
        ) : (
          <SurveysTable surveys={data} />
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

/** One survey's results per question, with the raw responses as CSV. */
export const SurveyResultsPage = () => {
  const t = useT();
  const { dateTime } = useFormatters();
  const { toggleNotification } = useNotification();
  const { documentId = '' } = useParams<{ documentId: string }>();
  const [textPages, setTextPages] = React.useState<Record<string, number>>({});
  const { data, error, isLoading } = useSurveyResults(documentId, textPages);
  const csv = useDownloadSurveyResponses(
    documentId,
    `encuesta-${data?.survey.slug ?? documentId}-respuestas.csv`
  );

  React.useEffect(() => {
    if (!csv.error) return;
    toggleNotification({
      type: 'danger',
      message:
        errorMessage(csv.error) ??
        t('surveys.csv.error', 'No se pudo descargar el archivo. Intenta de nuevo.'),
    });
  }, [csv.error]);

  const back = (
    <Link tag={NavLink} to={LIST_PATH} startIcon={<ArrowLeft />}>
      {t('surveys.back', 'Volver a Encuestas')}
    </Link>
  );

  if (!data) {
    if (isLoading) return <Page.Loading />;
    return (
      <Page.Main>
        <Layouts.Header navigationAction={back} title={t('surveys.title', 'Encuestas')} />
        <Layouts.Content>
          <EmptyStateLayout
            content={
              errorMessage(error) ??
              t('surveys.results.loadError', 'No se pudieron cargar los resultados.')
            }
          />
        </Layouts.Content>
      </Page.Main>
    );
  }

  const { survey, total, questions } = data;
  return (
    <Page.Main aria-busy={isLoading}>
      <Page.Title>{`${survey.title} · ${t('surveys.title', 'Encuestas')}`}</Page.Title>
      <Layouts.Header
        navigationAction={back}
        title={survey.title}
        subtitle={t(
          'surveys.results.total',
          '{total, plural, =0 {Sin respuestas todavía} one {# respuesta recibida} other {# respuestas recibidas}}',
          { total }
        )}
        secondaryAction={<SurveyStateBadge survey={survey} />}
        primaryAction={
          <Button
            startIcon={<Download />}
            onClick={csv.download}
            loading={csv.isDownloading}
            disabled={total === 0}
          >
            {t('surveys.csv.download', 'Descargar respuestas (CSV)')}
          </Button>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {survey.lastResponseAt && (
            <Typography variant="pi" textColor="neutral600">
              {t('surveys.results.last', 'Última respuesta: {at} (hora de la Ciudad de México).', {
                at: dateTime(survey.lastResponseAt) ?? '',
              })}
            </Typography>
          )}
          {questions.map((question, index) => (
            <QuestionResultPanel
              key={question.key}
              question={question}
              index={index}
              onTextPage={(key, page) => setTextPages((pages) => ({ ...pages, [key]: page }))}
            />
          ))}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
