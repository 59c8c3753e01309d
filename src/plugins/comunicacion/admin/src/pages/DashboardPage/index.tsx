import * as React from 'react';
import {
  Box,
  Field,
  Flex,
  Grid,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { errorMessage } from '../../services/api';
import { useGetDashboardQuery } from '../../services/dashboard';
import { getTranslation } from '../../utils/getTranslation';
import { OnTimeGauge } from './components/OnTimeGauge';
import { Panel } from '../../components/Panel';
import { QueueCountsTable } from './components/QueueCountsTable';
import { RevisionRoundsChart } from './components/RevisionRoundsChart';
import { ThroughputChart } from './components/ThroughputChart';
import { TotalCard } from './components/TotalCard';
import { ExportDialog } from './components/ExportDialog';
import { cardLink, type TotalKey } from './utils/cardLinks';

const WEEK_OPTIONS = [4, 12, 26];

const TOTALS: {
  key: TotalKey;
  label: string;
  hint: string;
  tone: 'neutral' | 'danger' | 'warning' | 'primary' | 'alternative';
}[] = [
  { key: 'open', label: 'Abiertos', hint: 'Trabajos abiertos en tus bandejas', tone: 'primary' },
  { key: 'overdue', label: 'Vencidos', hint: 'Su fecha de entrega ya pasó', tone: 'danger' },
  { key: 'dueToday', label: 'Vencen hoy', hint: 'Se entregan hoy', tone: 'warning' },
  {
    key: 'dueThisWeek',
    label: 'Vencen esta semana',
    hint: 'De hoy al domingo, hoy incluido',
    tone: 'warning',
  },
  {
    key: 'lateAwaitingAcceptance',
    label: 'Extemporáneos por aceptar',
    hint: 'Oficios fuera de plazo que esperan la aceptación de la coordinación',
    tone: 'alternative',
  },
];

/** The Tablero: headline totals, counts per queue and state, and the period's charts. */
export const DashboardPage = () => {
  const { formatMessage, formatDate } = useIntl();
  const t = (id: string, defaultMessage: string) =>
    formatMessage({ id: getTranslation(id), defaultMessage });
  const [weeks, setWeeks] = React.useState(12);
  // The previous answer stays on screen while another period loads.
  const { currentData, data, error, isLoading, isFetching } = useGetDashboardQuery({ weeks });
  const title = t('dashboard.title', 'Tablero');

  if (!data || (error && !currentData)) {
    if (isLoading || isFetching) return <Page.Loading />;
    return (
      <Page.Main>
        <Page.Title>{title}</Page.Title>
        <Layouts.Header title={title} />
        <Layouts.Content>
          <Page.Error
            content={
              errorMessage(error) ??
              t('dashboard.loadError', 'No se pudo cargar el tablero. Intenta de nuevo.')
            }
          />
        </Layouts.Content>
      </Page.Main>
    );
  }

  const today = formatDate(new Date(`${data.today}T12:00:00Z`), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

  return (
    <Page.Main aria-busy={isFetching}>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={formatMessage(
          {
            id: getTranslation('dashboard.subtitle'),
            defaultMessage: 'Hoy es {today} (hora de la Ciudad de México).',
          },
          { today }
        )}
        primaryAction={
          <Flex gap={2} alignItems="flex-end" wrap="wrap">
            <ExportDialog today={data.today} weeks={weeks} />
            <Box minWidth="220px">
              <Field.Root name="weeks">
                <Field.Label>{t('dashboard.weeks.label', 'Semanas en las gráficas')}</Field.Label>
                <SingleSelect
                  value={String(weeks)}
                  onChange={(value) => setWeeks(Number(value))}
                  data-testid="weeks-select"
                >
                  {WEEK_OPTIONS.map((option) => (
                    <SingleSelectOption key={option} value={String(option)}>
                      {formatMessage(
                        {
                          id: getTranslation('dashboard.weeks.option'),
                          defaultMessage: 'Últimas {weeks} semanas',
                        },
                        { weeks: option }
                      )}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            </Box>
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Flex
            tag="section"
            aria-label={t('dashboard.totals.label', 'Totales')}
            gap={4}
            wrap="wrap"
            alignItems="stretch"
          >
            {TOTALS.map((total) => (
              <TotalCard
                key={total.key}
                totalKey={total.key}
                label={t(`dashboard.totals.${total.key}`, total.label)}
                hint={t(`dashboard.totals.${total.key}.hint`, total.hint)}
                value={data.totals[total.key]}
                tone={total.tone}
                to={cardLink(total.key, data)}
              />
            ))}
          </Flex>

          <Panel
            fill
            id="queues"
            title={t('dashboard.queues.title', 'Trabajos abiertos por bandeja y estado')}
          >
            <QueueCountsTable queues={data.queues} />
          </Panel>

          <Grid.Root gap={4}>
            <Grid.Item col={8} s={12} alignItems="stretch">
              <Panel
                fill
                id="throughput"
                title={t('dashboard.throughput.title', 'Trabajos cerrados por semana')}
                description={t(
                  'dashboard.throughput.description',
                  'Cerrados a tiempo y con retraso respecto de su fecha de entrega.'
                )}
              >
                <ThroughputChart throughput={data.throughput} />
              </Panel>
            </Grid.Item>
            <Grid.Item col={4} s={12} alignItems="stretch">
              <Panel
                fill
                id="on-time"
                title={t('dashboard.onTime.title', 'Entregas a tiempo')}
                description={t(
                  'dashboard.onTime.description',
                  'Porcentaje de los trabajos cerrados en el periodo que se entregaron a más tardar en su fecha.'
                )}
              >
                <OnTimeGauge percentage={data.onTimePercentage} throughput={data.throughput} />
              </Panel>
            </Grid.Item>
          </Grid.Root>

          <Panel
            fill
            id="rounds"
            title={t('dashboard.rounds.title', 'Rondas de revisión por área')}
            description={t(
              'dashboard.rounds.description',
              'Versiones de propuesta que necesitó cada diseño recibido en el periodo, por área solicitante.'
            )}
          >
            <RevisionRoundsChart rows={data.revisionRoundsByArea} />
          </Panel>
          <Typography variant="pi" textColor="neutral600">
            {formatMessage(
              {
                id: getTranslation('dashboard.weekEnd'),
                defaultMessage: 'La semana en curso termina el {weekEnd}.',
              },
              {
                weekEnd: formatDate(new Date(`${data.weekEnd}T12:00:00Z`), {
                  day: 'numeric',
                  month: 'long',
                  timeZone: 'UTC',
                }),
              }
            )}
          </Typography>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
