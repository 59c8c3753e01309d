import * as React from 'react';
import {
  Box,
  Button,
  DatePicker,
  Field,
  Grid,
  SingleSelect,
  SingleSelectOption,
  TextInput,
} from '@strapi/design-system';
import { useDebounce } from '@strapi/strapi/admin';
import type { GetMeta } from '../../../../../shared/contracts/items';
import type { GetQueue } from '../../../../../shared/contracts/queues';
import { useT } from '../../../hooks/useT';
import { fromDay, toDay } from '../../../utils/dayInput';
import type { FilterKey, QueueFilters as Filters } from '../hooks/useQueueQuery';

/** Value of the assignee filter for items nobody holds yet. */
export const UNASSIGNED = 'none';

export interface QueueFiltersProps {
  /** The panel's id, for the «Filtros» button that shows it on a phone. */
  id?: string;
  filters: Filters;
  onChange: (key: FilterKey, value: string | null) => void;
  onClear: () => void;
  areas: GetMeta.Response['data']['areas'];
  staff: GetMeta.Response['data']['staff'];
  states: GetQueue.Response['meta']['states'];
}

/** Area, state, assignee, due dates and text search of a queue. */
export const QueueFilters = ({
  id,
  filters,
  onChange,
  onClear,
  areas,
  staff,
  states,
}: QueueFiltersProps) => {
  const t = useT();
  const [text, setText] = React.useState(filters.q ?? '');
  const debounced = useDebounce(text, 400);

  React.useEffect(() => {
    if ((filters.q ?? '') !== debounced.trim()) onChange('q', debounced.trim() || null);
    // Only typing drives the search; URL changes are mirrored below.
  }, [debounced]);
  React.useEffect(() => {
    if (!filters.q) setText('');
  }, [filters.q]);

  // The same state may belong to two workflows of the queue (web and transparency).
  const stateOptions = states.filter(
    (option, index) => states.findIndex((other) => other.state === option.state) === index
  );
  const hasFilters = Object.values(filters).some(Boolean);
  const clearLabel = t('queues.filters.clear', 'Quitar');

  return (
    <Box id={id} background="neutral0" padding={4} hasRadius shadow="filterShadow">
      <Grid.Root gap={4}>
        <Grid.Item col={4} m={6} s={12} xs={12} direction="column" alignItems="stretch">
          <Field.Root name="q">
            <Field.Label>{t('queues.filters.search', 'Buscar por folio o título')}</Field.Label>
            <TextInput
              type="search"
              value={text}
              placeholder={t('queues.filters.searchPlaceholder', 'DCSGD/0012/2026, cartel…')}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) => setText(event.target.value)}
            />
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={4} m={6} s={12} xs={12} direction="column" alignItems="stretch">
          <Field.Root name="area">
            <Field.Label>{t('queues.filters.area', 'Área')}</Field.Label>
            <SingleSelect
              value={filters.area ?? null}
              placeholder={t('queues.filters.allAreas', 'Todas las áreas')}
              onChange={(value) => onChange('area', String(value))}
              onClear={() => onChange('area', null)}
              clearLabel={clearLabel}
            >
              {areas.map((area) => (
                <SingleSelectOption key={area.documentId} value={area.documentId}>
                  {area.shortName ? `${area.name} (${area.shortName})` : area.name}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={4} m={6} s={12} xs={12} direction="column" alignItems="stretch">
          <Field.Root name="state">
            <Field.Label>{t('queues.filters.state', 'Estado')}</Field.Label>
            <SingleSelect
              value={filters.state ?? null}
              placeholder={t('queues.filters.allStates', 'Todos los estados')}
              onChange={(value) => onChange('state', String(value))}
              onClear={() => onChange('state', null)}
              clearLabel={clearLabel}
            >
              {stateOptions.map((option) => (
                <SingleSelectOption key={option.state} value={option.state}>
                  {option.label}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={4} m={6} s={12} xs={12} direction="column" alignItems="stretch">
          <Field.Root name="assignee">
            <Field.Label>{t('queues.filters.assignee', 'Responsable')}</Field.Label>
            <SingleSelect
              value={filters.assignee ?? null}
              placeholder={t('queues.filters.anyone', 'Cualquiera')}
              onChange={(value) => onChange('assignee', String(value))}
              onClear={() => onChange('assignee', null)}
              clearLabel={clearLabel}
            >
              <SingleSelectOption value={UNASSIGNED}>
                {t('queues.filters.unassigned', 'Sin asignar')}
              </SingleSelectOption>
              {staff.map((person) => (
                <SingleSelectOption key={person.id} value={String(person.id)}>
                  {person.name}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={3} m={6} s={6} xs={12} direction="column" alignItems="stretch">
          <Field.Root name="dueFrom">
            <Field.Label>{t('queues.filters.dueFrom', 'Vence desde')}</Field.Label>
            <DatePicker
              value={fromDay(filters.dueFrom)}
              onChange={(date) => onChange('dueFrom', toDay(date))}
              onClear={() => onChange('dueFrom', null)}
              clearLabel={clearLabel}
            />
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={3} m={6} s={6} xs={12} direction="column" alignItems="stretch">
          <Field.Root name="dueTo">
            <Field.Label>{t('queues.filters.dueTo', 'Vence hasta')}</Field.Label>
            <DatePicker
              value={fromDay(filters.dueTo)}
              onChange={(date) => onChange('dueTo', toDay(date))}
              onClear={() => onChange('dueTo', null)}
              clearLabel={clearLabel}
            />
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={2} m={12} s={12} xs={12} alignItems="flex-end">
          <Button variant="tertiary" onClick={onClear} disabled={!hasFilters}>
            {t('queues.filters.clearAll', 'Limpiar filtros')}
          </Button>
        </Grid.Item>
      </Grid.Root>
    </Box>
  );
};
