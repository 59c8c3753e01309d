import * as React from 'react';
import {
  Box,
  Button,
  Combobox,
  ComboboxOption,
  DatePicker,
  Field,
  Grid,
  SingleSelect,
  SingleSelectOption,
  TextInput,
} from '@strapi/design-system';
import { useDebounce } from '@strapi/strapi/admin';
import type { Choice } from '../../../../../shared/contracts/intake';
import type { GetMeta } from '../../../../../shared/contracts/items';
import { useT } from '../../../hooks/useT';
import { fromDay, toDay } from '../../../utils/dayInput';
import type { SearchFilterKey, SearchFilters } from '../hooks/useOficioSearchParams';

interface TextFilterProps {
  name: SearchFilterKey;
  label: string;
  placeholder: string;
  value: string | undefined;
  onChange: (key: SearchFilterKey, value: string | null) => void;
}

/** A text filter that searches once typing pauses, and follows the URL on back and forward. */
const TextFilter = ({ name, label, placeholder, value, onChange }: TextFilterProps) => {
  const [text, setText] = React.useState(value ?? '');
  const debounced = useDebounce(text, 400);

  React.useEffect(() => {
    if ((value ?? '') !== debounced.trim()) onChange(name, debounced.trim() || null);
    // Only typing drives the search; URL changes are mirrored below.
  }, [debounced]);
  React.useEffect(() => {
    setText((current) => (current.trim() === (value ?? '') ? current : (value ?? '')));
  }, [value]);

  return (
    <Field.Root name={name}>
      <Field.Label>{label}</Field.Label>
      <TextInput
        type="search"
        value={text}
        placeholder={placeholder}
        onChange={(event: React.ChangeEvent<HTMLInputElement>) => setText(event.target.value)}
      />
    </Field.Root>
  );
};

export interface OficioSearchFiltersProps {
  id?: string;
  filters: SearchFilters;
  onChange: (key: SearchFilterKey, value: string | null) => void;
  onClear: () => void;
  areas: GetMeta.Response['data']['areas'];
  states: Choice[];
  services: Choice[];
}

const areaName = (area: GetMeta.Response['data']['areas'][number]) =>
  area.shortName ? `${area.name} (${area.shortName})` : area.name;

/** Folio, subject text, area, state, reception range and service of the «Oficios» page. */
export const OficioSearchFilters = ({
  id,
  filters,
  onChange,
  onClear,
  areas,
  states,
  services,
}: OficioSearchFiltersProps) => {
  const t = useT();
  const clearLabel = t('queues.filters.clear', 'Quitar');
  const hasFilters = Object.values(filters).some(Boolean);
  // The area's combobox shows the chosen area's name once the list of areas is known.
  const chosenArea = areas.find((area) => area.documentId === filters.area);

  return (
    <Box id={id} background="neutral0" padding={4} hasRadius shadow="filterShadow">
      <Grid.Root gap={4}>
        <Grid.Item col={4} m={6} s={12} xs={12} direction="column" alignItems="stretch">
          <TextFilter
            name="folio"
            label={t('oficios.filters.folio', 'Folio')}
            placeholder={t('oficios.filters.folioPlaceholder', 'DCSGD/0012/2026')}
            value={filters.folio}
            onChange={onChange}
          />
        </Grid.Item>
        <Grid.Item col={8} m={6} s={12} xs={12} direction="column" alignItems="stretch">
          <TextFilter
            name="q"
            label={t('oficios.filters.text', 'Asunto, referencia o folio')}
            placeholder={t('oficios.filters.textPlaceholder', 'Feria del Elote, OF/123…')}
            value={filters.q}
            onChange={onChange}
          />
        </Grid.Item>
        <Grid.Item col={4} m={6} s={12} xs={12} direction="column" alignItems="stretch">
          <Field.Root name="area">
            <Field.Label>{t('queues.filters.area', 'Área')}</Field.Label>
            <Combobox
              key={chosenArea ? chosenArea.documentId : 'none'}
              value={filters.area ?? undefined}
              defaultTextValue={chosenArea ? areaName(chosenArea) : undefined}
              placeholder={t('oficios.filters.areaPlaceholder', 'Escribe para buscar un área')}
              autocomplete={{ type: 'list', filter: 'contains' }}
              onChange={(value) => onChange('area', value ? String(value) : null)}
              onClear={() => onChange('area', null)}
              clearLabel={clearLabel}
              noOptionsMessage={() => t('oficios.filters.noArea', 'Ningún área coincide')}
            >
              {areas.map((area) => (
                <ComboboxOption key={area.documentId} value={area.documentId}>
                  {areaName(area)}
                </ComboboxOption>
              ))}
            </Combobox>
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={4} m={6} s={12} xs={12} direction="column" alignItems="stretch">
          <Field.Root name="status">
            <Field.Label>{t('queues.filters.state', 'Estado')}</Field.Label>
            <SingleSelect
              value={filters.status ?? null}
              placeholder={t('queues.filters.allStates', 'Todos los estados')}
              onChange={(value) => onChange('status', String(value))}
              onClear={() => onChange('status', null)}
              clearLabel={clearLabel}
            >
              {states.map((option) => (
                <SingleSelectOption key={option.value} value={option.value}>
                  {option.label}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={4} m={6} s={12} xs={12} direction="column" alignItems="stretch">
          <Field.Root name="service">
            <Field.Label>{t('oficios.filters.service', 'Servicio')}</Field.Label>
            <SingleSelect
              value={filters.service ?? null}
              placeholder={t('oficios.filters.allServices', 'Todos los servicios')}
              onChange={(value) => onChange('service', String(value))}
              onClear={() => onChange('service', null)}
              clearLabel={clearLabel}
            >
              {services.map((option) => (
                <SingleSelectOption key={option.value} value={option.value}>
                  {option.label}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={4} m={6} s={6} xs={12} direction="column" alignItems="stretch">
          <Field.Root name="receivedFrom">
            <Field.Label>{t('oficios.filters.receivedFrom', 'Recibido desde')}</Field.Label>
            <DatePicker
              value={fromDay(filters.receivedFrom)}
              onChange={(date) => onChange('receivedFrom', toDay(date))}
              onClear={() => onChange('receivedFrom', null)}
              clearLabel={clearLabel}
            />
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={4} m={6} s={6} xs={12} direction="column" alignItems="stretch">
          <Field.Root name="receivedTo">
            <Field.Label>{t('oficios.filters.receivedTo', 'Recibido hasta')}</Field.Label>
            <DatePicker
              value={fromDay(filters.receivedTo)}
              onChange={(date) => onChange('receivedTo', toDay(date))}
              onClear={() => onChange('receivedTo', null)}
              clearLabel={clearLabel}
            />
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={4} m={12} s={12} xs={12} alignItems="flex-end">
          <Button variant="tertiary" onClick={onClear} disabled={!hasFilters}>
            {t('queues.filters.clearAll', 'Limpiar filtros')}
          </Button>
        </Grid.Item>
      </Grid.Root>
    </Box>
  );
};
