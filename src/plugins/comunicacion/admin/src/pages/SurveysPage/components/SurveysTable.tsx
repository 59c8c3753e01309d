import { Badge, Link, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { NavLink } from 'react-router-dom';
import type { SurveySummary } from '../../../../../shared/contracts/surveys';
import { useFormatters } from '../../../hooks/useFormatters';
import { useT } from '../../../hooks/useT';

/** The state of a survey as staff say it: open, closed (published) or not published. */
export const SurveyStateBadge = ({ survey }: { survey: SurveySummary }) => {
  const t = useT();
  if (survey.open) {
    return (
      <Badge backgroundColor="success100" textColor="success700">
        {t('surveys.state.open', 'Abierta')}
      </Badge>
    );
  }
  if (survey.published) return <Badge>{t('surveys.state.closed', 'Cerrada')}</Badge>;
  return (
    <Badge backgroundColor="neutral150" textColor="neutral700">
      {t('surveys.state.draft', 'Sin publicar')}
    </Badge>
  );
};

/** Every survey with its period and the responses it received. */
export const SurveysTable = ({ surveys }: { surveys: SurveySummary[] }) => {
  const t = useT();
  const { dateTime } = useFormatters();
  const period = (survey: SurveySummary) =>
    [
      survey.opensAt
        ? t('surveys.period.opens', 'Abre el {at}', { at: dateTime(survey.opensAt) ?? '' })
        : t('surveys.period.fromPublication', 'Desde su publicación'),
      survey.closesAt
        ? t('surveys.period.closes', 'cierra el {at}', { at: dateTime(survey.closesAt) ?? '' })
        : t('surveys.period.noClose', 'sin fecha de cierre'),
    ].join(' · ');

  return (
    <Table colCount={6} rowCount={surveys.length + 1}>
      <Thead>
        <Tr>
          <Th>
            <Typography variant="sigma">{t('surveys.table.survey', 'Encuesta')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('surveys.table.area', 'Área')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('surveys.table.state', 'Estado')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('surveys.table.period', 'Periodo')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('surveys.table.responses', 'Respuestas')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">
              {t('surveys.table.lastResponse', 'Última respuesta')}
            </Typography>
          </Th>
        </Tr>
      </Thead>
      <Tbody>
        {surveys.map((survey) => (
          <Tr key={survey.documentId} data-testid={`survey-row-${survey.slug}`}>
            <Td>
              <Link tag={NavLink} to={survey.documentId}>
                {survey.title}
              </Link>
            </Td>
            <Td>
              <Typography textColor={survey.area ? 'neutral800' : 'neutral600'}>
                {survey.area?.name ?? t('surveys.area.none', 'Sin área')}
              </Typography>
            </Td>
            <Td>
              <SurveyStateBadge survey={survey} />
            </Td>
            <Td>
              <Typography>{period(survey)}</Typography>
            </Td>
            <Td>
              <Typography fontWeight="bold">{survey.responseCount}</Typography>
            </Td>
            <Td>
              <Typography textColor={survey.lastResponseAt ? 'neutral800' : 'neutral600'}>
                {dateTime(survey.lastResponseAt) ?? '—'}
              </Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
