import * as React from 'react';
import {
  Box,
  Checkbox,
  DatePicker,
  Field,
  Flex,
  Grid,
  IconButton,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  TextInput,
  TimePicker,
  Typography,
} from '@strapi/design-system';
import { ArrowDown, ArrowUp, Trash } from '@strapi/icons';
import { useIntl } from 'react-intl';
import type { FieldSpec, LogoChoice } from '../../../shared/contracts/intake';
import { useT } from '../hooks/useT';
import type { UploadedFile } from '../services/intake';
import { fromDay, officeInstant, officeParts, toDay, toTime } from '../utils/officeTime';
import { FileDropZone } from './FileDropZone';

/** A field as a form shows it: its spec, whether it may change now, whether it is missing. */
export interface ShownField extends FieldSpec {
  editable?: boolean;
}

export type FieldValues = Record<string, unknown>;

const isBlank = (value: unknown) =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

const fileOf = (value: unknown): UploadedFile | null => {
  if (typeof value === 'number') return { id: value, name: `#${value}` };
  if (value && typeof value === 'object' && 'id' in value) {
    const file = value as { id: number; name?: string; url?: string };
    return { id: file.id, name: file.name ?? `#${file.id}`, url: file.url };
  }
  return null;
};

const logoIdOf = (value: unknown): string | null => {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'documentId' in value) {
    return String((value as { documentId: unknown }).documentId);
  }
  // A position of an ordered list of the catalogue: `{ logo: … }`.
  if (value && typeof value === 'object' && 'logo' in value) {
    return logoIdOf((value as { logo: unknown }).logo);
  }
  return null;
};

/** A value read from the server as the form keeps it (files with their names, logos as ids). */
export const formValueOf = (field: FieldSpec, value: unknown): unknown => {
  switch (field.kind) {
    case 'media':
      return fileOf(Array.isArray(value) ? value[0] : value);
    case 'media-multiple':
      return (Array.isArray(value) ? value : []).map(fileOf).filter(Boolean);
    case 'logos':
      return (Array.isArray(value) ? value : []).map(logoIdOf).filter(Boolean);
    case 'multi':
      return Array.isArray(value) ? value : [];
    case 'time':
      return toTime(value);
    case 'date':
      return typeof value === 'string' ? value.slice(0, 10) : '';
    default:
      return value ?? '';
  }
};

/** A form value as the server takes it; null when blank. */
export const payloadValueOf = (field: FieldSpec, value: unknown): unknown => {
  if (isBlank(value)) return null;
  switch (field.kind) {
    case 'media':
      return (value as UploadedFile).id;
    case 'media-multiple':
      return (value as UploadedFile[]).map((file) => file.id);
    case 'integer':
      return Number(value);
    case 'multi': {
      const list = (value as unknown[]).filter(
        (entry) => typeof entry !== 'string' || entry.trim() !== ''
      );
      return list.length ? list : null;
    }
    case 'string':
    case 'text':
    case 'email':
      return String(value).trim();
    default:
      return value;
  }
};

/** The values of `fields` for the server, blank ones left out. */
export const payloadOf = (fields: FieldSpec[], values: FieldValues) => {
  const payload: Record<string, unknown> = {};
  for (const field of fields) {
    const value = payloadValueOf(field, values[field.name]);
    if (value !== null) payload[field.name] = value;
  }
  return payload;
};

/** Whether a required field is still blank. */
export const isMissing = (field: FieldSpec, values: FieldValues) =>
  field.required && isBlank(values[field.name]);

const WIDE_KINDS = new Set(['text', 'multi', 'logos', 'media', 'media-multiple', 'datetime']);

interface LogoListProps {
  field: ShownField;
  value: string[];
  logos: LogoChoice[];
  onChange: (value: string[]) => void;
  disabled: boolean;
  error?: string;
  hint?: React.ReactNode;
  label: React.ReactNode;
  inputName: string;
}

/** Logos from the catalogue in the order they go on the material: add, move up or down, remove. */
const LogoList = ({
  field,
  value,
  logos,
  onChange,
  disabled,
  error,
  hint,
  label,
  inputName,
}: LogoListProps) => {
  const t = useT();
  const nameOf = (documentId: string) =>
    logos.find((logo) => logo.documentId === documentId)?.name ??
    t('fields.logos.unknown', 'Logotipo que ya no está en el catálogo');
  const available = logos.filter((logo) => !value.includes(logo.documentId));
  const move = (from: number, to: number) => {
    const next = [...value];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved);
    onChange(next);
  };
  const listId = `${inputName}-list`;

  return (
    <Field.Root name={inputName} error={error} hint={hint}>
      <Field.Label>{label}</Field.Label>
      {value.length > 0 ? (
        <Box tag="ol" id={listId} aria-label={field.label} paddingBottom={2}>
          {value.map((documentId, index) => {
            const name = nameOf(documentId);
            return (
              <Flex
                tag="li"
                key={documentId}
                gap={2}
                justifyContent="space-between"
                borderColor="neutral200"
                hasRadius
                paddingLeft={3}
                paddingRight={1}
                paddingTop={1}
                paddingBottom={1}
                marginBottom={1}
              >
                <Typography>
                  <Typography fontWeight="bold">{`${index + 1}.`}</Typography> {name}
                </Typography>
                {!disabled && (
                  <Flex gap={1}>
                    <IconButton
                      variant="ghost"
                      label={t('fields.logos.up', 'Subir {name}', { name })}
                      disabled={index === 0}
                      onClick={() => move(index, index - 1)}
                    >
                      <ArrowUp />
                    </IconButton>
                    <IconButton
                      variant="ghost"
                      label={t('fields.logos.down', 'Bajar {name}', { name })}
                      disabled={index === value.length - 1}
                      onClick={() => move(index, index + 1)}
                    >
                      <ArrowDown />
                    </IconButton>
                    <IconButton
                      variant="ghost"
                      label={t('fields.logos.remove', 'Quitar {name}', { name })}
                      onClick={() => onChange(value.filter((other) => other !== documentId))}
                    >
                      <Trash />
                    </IconButton>
                  </Flex>
                )}
              </Flex>
            );
          })}
        </Box>
      ) : (
        <Typography variant="pi" textColor="neutral600" tag="p">
          {t('fields.logos.none', 'Aún no hay logotipos: elígelos en el orden en que van.')}
        </Typography>
      )}
      {!disabled && (
        <SingleSelect
          placeholder={
            available.length
              ? t('fields.logos.add', 'Añadir logotipo')
              : t('fields.logos.all', 'Ya están todos los logotipos del catálogo')
          }
          disabled={!available.length}
          value={null}
          onChange={(documentId) => onChange([...value, String(documentId)])}
        >
          {available.map((logo) => (
            <SingleSelectOption key={logo.documentId} value={logo.documentId}>
              {logo.name}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      )}
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};

export interface ServiceFieldsProps {
  fields: ShownField[];
  values: FieldValues;
  onChange: (name: string, value: unknown) => void;
  /** Spanish messages by field name (the server's refusals). */
  errors?: Record<string, string>;
  /** The logo catalogue (active logos). */
  logos: LogoChoice[];
  /** Highlight required fields still blank (completing data). */
  highlightMissing?: boolean;
  /** The fields the server says are missing; without it, every required blank field is. */
  missingNames?: readonly string[];
  /** Unique per form, so two services of one kind keep distinct inputs. */
  idPrefix: string;
}

/**
 * The data a service needs, each field drawn by its kind with a Spanish label: required ones say
 * they are needed before the work may start, missing ones can be highlighted, fields that may not
 * change now are read-only.
 */
export const ServiceFields = ({
  fields,
  values,
  onChange,
  errors = {},
  logos,
  highlightMissing = false,
  missingNames,
  idPrefix,
}: ServiceFieldsProps) => {
  const t = useT();
  const { locale } = useIntl();
  const clearLabel = t('actions.clear', 'Borrar');

  return (
    <Grid.Root gap={4}>
      {fields.map((field) => {
        const value = values[field.name];
        const disabled = field.editable === false;
        const missing =
          highlightMissing &&
          (missingNames
            ? missingNames.includes(field.name) && isBlank(value)
            : isMissing(field, values));
        const inputName = `${idPrefix}.${field.name}`;
        const error = errors[field.name];
        const label = (
          <>
            {field.label}
            {field.required && (
              <Typography variant="pi" textColor={missing ? 'neutral800' : 'neutral600'}>
                {` · ${t('fields.required', 'necesario para iniciar')}`}
              </Typography>
            )}
          </>
        );
        const hintParts = [
          field.hint,
          missing ? t('fields.missing', 'Falta este dato.') : null,
          disabled ? t('fields.readOnly', 'No se puede cambiar en el estado actual.') : null,
        ].filter(Boolean);
        const hint = hintParts.length ? hintParts.join(' ') : undefined;
        const set = (next: unknown) => onChange(field.name, next);

        let control: React.ReactNode;
        switch (field.kind) {
          case 'logos':
            control = (
              <LogoList
                field={field}
                value={(value as string[] | undefined) ?? []}
                logos={
                  logos.length
                    ? logos
                    : (field.options ?? []).map((option) => ({
                        documentId: option.value,
                        name: option.label,
                        url: null,
                      }))
                }
                onChange={set}
                disabled={disabled}
                error={error}
                hint={hint}
                label={label}
                inputName={inputName}
              />
            );
            break;
          case 'media':
          case 'media-multiple': {
            const files =
              field.kind === 'media'
                ? value
                  ? [value as UploadedFile]
                  : []
                : ((value as UploadedFile[] | undefined) ?? []);
            control = (
              <FileDropZone
                name={inputName}
                label={label}
                hint={hint}
                error={error}
                multiple={field.kind === 'media-multiple'}
                files={files}
                disabled={disabled}
                onChange={(next) => set(field.kind === 'media' ? (next[0] ?? null) : next)}
              />
            );
            break;
          }
          case 'multi':
            // A list without a closed set of values: one entry per line.
            if (!field.options?.length) {
              control = (
                <Field.Root
                  name={inputName}
                  error={error}
                  hint={[hint, t('fields.multi.lines', 'Uno por renglón.')]
                    .filter(Boolean)
                    .join(' ')}
                >
                  <Field.Label>{label}</Field.Label>
                  <Textarea
                    disabled={disabled}
                    value={((value as string[] | undefined) ?? []).join('\n')}
                    onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) =>
                      set(event.target.value.split('\n'))
                    }
                  />
                  <Field.Hint />
                  <Field.Error />
                </Field.Root>
              );
              break;
            }
            control = (
              <Field.Root name={inputName} error={error} hint={hint}>
                <Field.Label id={`${inputName}-label`}>{label}</Field.Label>
                <Flex
                  role="group"
                  aria-labelledby={`${inputName}-label`}
                  gap={4}
                  wrap="wrap"
                  paddingTop={1}
                >
                  {(field.options ?? []).map((option) => {
                    const list = (value as string[] | undefined) ?? [];
                    return (
                      <Checkbox
                        key={option.value}
                        disabled={disabled}
                        checked={list.includes(option.value)}
                        onCheckedChange={(checked) =>
                          set(
                            checked
                              ? [...list, option.value]
                              : list.filter((other) => other !== option.value)
                          )
                        }
                      >
                        {option.label}
                      </Checkbox>
                    );
                  })}
                </Flex>
                <Field.Hint />
                <Field.Error />
              </Field.Root>
            );
            break;
          case 'datetime': {
            const { day, time } = officeParts(value as string | null);
            control = (
              <Field.Root name={inputName} error={error} hint={hint}>
                <Field.Label id={`${inputName}-label`}>{label}</Field.Label>
                <Flex gap={2} wrap="wrap" role="group" aria-labelledby={`${inputName}-label`}>
                  <Box minWidth="16rem" flex="1">
                    <DatePicker
                      aria-label={t('fields.datetime.day', '{label}: fecha', {
                        label: field.label,
                      })}
                      locale={locale}
                      disabled={disabled}
                      value={fromDay(day)}
                      onChange={(date) => set(officeInstant(toDay(date), time || '09:00'))}
                      onClear={disabled ? undefined : () => set(null)}
                      clearLabel={clearLabel}
                    />
                  </Box>
                  <Box minWidth="12rem" flex="1">
                    <TimePicker
                      aria-label={t('fields.datetime.time', '{label}: hora', {
                        label: field.label,
                      })}
                      step={15}
                      disabled={disabled || !day}
                      value={time}
                      onChange={(next) => set(officeInstant(day, next ?? '00:00'))}
                      clearLabel={clearLabel}
                    />
                  </Box>
                </Flex>
                <Field.Hint />
                <Field.Error />
              </Field.Root>
            );
            break;
          }
          default:
            control = (
              <Field.Root name={inputName} error={error} hint={hint}>
                <Field.Label>{label}</Field.Label>
                {field.kind === 'text' ? (
                  <Textarea
                    disabled={disabled}
                    value={(value as string | undefined) ?? ''}
                    onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) =>
                      set(event.target.value)
                    }
                  />
                ) : field.kind === 'date' ? (
                  <DatePicker
                    locale={locale}
                    disabled={disabled}
                    value={fromDay(value as string | undefined)}
                    onChange={(date) => set(toDay(date))}
                    onClear={disabled ? undefined : () => set('')}
                    clearLabel={clearLabel}
                  />
                ) : field.kind === 'time' ? (
                  <TimePicker
                    step={15}
                    disabled={disabled}
                    value={(value as string | undefined) ?? ''}
                    onChange={(next) => set(next ?? '')}
                    onClear={disabled ? undefined : () => set('')}
                    clearLabel={clearLabel}
                  />
                ) : field.kind === 'enumeration' ? (
                  <SingleSelect
                    disabled={disabled}
                    placeholder={t('fields.choose', 'Elige una opción')}
                    value={(value as string | undefined) || null}
                    onChange={(next) => set(String(next))}
                    onClear={disabled ? undefined : () => set('')}
                    clearLabel={clearLabel}
                  >
                    {(field.options ?? []).map((option) => (
                      <SingleSelectOption key={option.value} value={option.value}>
                        {option.label}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                ) : field.kind === 'boolean' ? (
                  <Checkbox
                    aria-label={field.label}
                    disabled={disabled}
                    checked={value === true}
                    onCheckedChange={(checked) => set(checked === true)}
                  >
                    {t('fields.yes', 'Sí')}
                  </Checkbox>
                ) : (
                  <TextInput
                    disabled={disabled}
                    type={
                      field.kind === 'email'
                        ? 'email'
                        : field.kind === 'integer'
                          ? 'number'
                          : 'text'
                    }
                    value={value === undefined || value === null ? '' : String(value)}
                    onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                      set(event.target.value)
                    }
                  />
                )}
                <Field.Hint />
                <Field.Error />
              </Field.Root>
            );
        }

        return (
          <Grid.Item
            key={field.name}
            col={WIDE_KINDS.has(field.kind) ? 12 : 6}
            s={12}
            xs={12}
            direction="column"
            alignItems="stretch"
          >
            <Box
              data-field={field.name}
              data-missing={missing || undefined}
              background={missing ? 'warning100' : undefined}
              borderColor={missing ? 'warning200' : undefined}
              hasRadius={missing}
              padding={missing ? 2 : 0}
            >
              {control}
            </Box>
          </Grid.Item>
        );
      })}
    </Grid.Root>
  );
};
