import * as React from 'react';
import { Box, Button, Checkbox, Flex, Typography } from '@strapi/design-system';
import { Plus, Trash } from '@strapi/icons';
import type {
  LeadTimeVerdict,
  LogoChoice,
  ServiceInput,
  ServiceSpec,
} from '../../../shared/contracts/intake';
import { useFormatters } from '../hooks/useFormatters';
import { useT } from '../hooks/useT';
import { payloadOf, ServiceFields, type FieldValues } from './ServiceFields';

/** One requested service being filled in (a kind may be requested more than once). */
export interface ServiceDraft {
  key: string;
  workflow: string;
  values: FieldValues;
}

let drafts = 0;
/** A new, empty request of a service. */
export const newDraft = (workflow: string): ServiceDraft => ({
  key: `${workflow}-${(drafts += 1)}`,
  workflow,
  values: {},
});

/** The drafts as the server takes them, blank fields left out. */
export const serviceInputs = (specs: ServiceSpec[], list: ServiceDraft[]): ServiceInput[] =>
  list.map((draft) => ({
    workflow: draft.workflow,
    fields: payloadOf(
      specs.find((spec) => spec.workflow === draft.workflow)?.fields ?? [],
      draft.values
    ),
  }));

// The lead time depends on dates and on closed choices (print has none, digital art has one).
const LEAD_TIME_KINDS = new Set(['date', 'time', 'datetime', 'enumeration', 'boolean']);

/** Only what the lead-time verdict depends on, so typing a description sends nothing. */
export const leadTimeInputs = (specs: ServiceSpec[], list: ServiceDraft[]): ServiceInput[] =>
  list.map((draft) => ({
    workflow: draft.workflow,
    fields: payloadOf(
      (specs.find((spec) => spec.workflow === draft.workflow)?.fields ?? []).filter((field) =>
        LEAD_TIME_KINDS.has(field.kind)
      ),
      draft.values
    ),
  }));

/** The business calendar's verdict on one requested service, in Spanish. */
export const LeadTimeNote = ({ verdict }: { verdict: LeadTimeVerdict | undefined }) => {
  const t = useT();
  const format = useFormatters();
  if (!verdict) return null;
  const earliest = format.day(verdict.earliestAllowedDate);
  return (
    <Box
      role="status"
      aria-live="polite"
      padding={3}
      hasRadius
      background={
        verdict.leadTimeMet === false
          ? 'danger100'
          : verdict.leadTimeMet
            ? 'success100'
            : 'neutral100'
      }
      data-lead-time={String(verdict.leadTimeMet)}
    >
      <Flex direction="column" alignItems="flex-start" gap={1}>
        {/* A service with no lead time has no earliest date: its message says so. */}
        {verdict.leadTimeMet === true && verdict.earliestAllowedDate && (
          <Typography fontWeight="bold" textColor="success700">
            {t('intake.leadTime.met', 'Cumple el plazo')}
          </Typography>
        )}
        {verdict.leadTimeMet === false && (
          <Typography fontWeight="bold" textColor="danger700">
            {earliest
              ? t(
                  'intake.leadTime.late',
                  'Extemporáneo: la fecha más próxima que cumple es {date}',
                  { date: earliest }
                )
              : t('intake.leadTime.lateNoDate', 'Extemporáneo')}
          </Typography>
        )}
        <Typography variant="pi" textColor="neutral700">
          {verdict.message}
        </Typography>
        {verdict.warning && !verdict.message.includes(verdict.warning) && (
          <Typography variant="pi" fontWeight="bold" textColor="neutral800">
            {t('intake.leadTime.warning', 'Aviso: {warning}', { warning: verdict.warning })}
          </Typography>
        )}
      </Flex>
    </Box>
  );
};

export interface ServiceChecklistProps {
  services: ServiceSpec[];
  value: ServiceDraft[];
  onChange: (next: ServiceDraft[]) => void;
  logos: LogoChoice[];
  /** Verdicts in the order of `value`. */
  verdicts?: (LeadTimeVerdict | undefined)[];
  /** Messages per draft key and field name. */
  errors?: Record<string, Record<string, string>>;
  /** Heading level-ish id prefix for labelling. */
  idPrefix: string;
}

/**
 * The services an oficio may request as a checklist: ticking one reveals exactly the data it
 * needs; a kind can be requested again (two designs) and each request removed.
 */
export const ServiceChecklist = ({
  services,
  value,
  onChange,
  logos,
  verdicts = [],
  errors = {},
  idPrefix,
}: ServiceChecklistProps) => {
  const t = useT();

  const update = (key: string, name: string, next: unknown) =>
    onChange(
      value.map((draft) =>
        draft.key === key ? { ...draft, values: { ...draft.values, [name]: next } } : draft
      )
    );

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      {services.map((service) => {
        const requested = value.filter((draft) => draft.workflow === service.workflow);
        const checked = requested.length > 0;
        return (
          <Box
            key={service.workflow}
            borderColor={checked ? 'primary200' : 'neutral200'}
            background={checked ? 'primary100' : 'neutral0'}
            hasRadius
            padding={4}
            data-service={service.workflow}
          >
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Checkbox
                checked={checked}
                onCheckedChange={(next) =>
                  onChange(
                    next === true
                      ? [...value, newDraft(service.workflow)]
                      : value.filter((draft) => draft.workflow !== service.workflow)
                  )
                }
              >
                <Typography fontWeight="bold">{service.label}</Typography>
              </Checkbox>
              {requested.map((draft, index) => {
                const position = value.indexOf(draft);
                const headingId = `${idPrefix}-${draft.key}-title`;
                return (
                  <Box
                    key={draft.key}
                    tag="section"
                    aria-labelledby={headingId}
                    background="neutral0"
                    hasRadius
                    padding={4}
                    borderColor="neutral200"
                  >
                    <Flex direction="column" alignItems="stretch" gap={4}>
                      <Flex justifyContent="space-between" gap={2} wrap="wrap">
                        <Flex gap={2}>
                          <Typography id={headingId} tag="h3" variant="delta">
                            {requested.length > 1
                              ? t('intake.services.numbered', '{label} ({number})', {
                                  label: service.label,
                                  number: index + 1,
                                })
                              : service.label}
                          </Typography>
                        </Flex>
                        {requested.length > 1 && (
                          <Button
                            variant="tertiary"
                            startIcon={<Trash />}
                            onClick={() =>
                              onChange(value.filter((other) => other.key !== draft.key))
                            }
                          >
                            {t('intake.services.remove', 'Quitar esta solicitud')}
                          </Button>
                        )}
                      </Flex>
                      <ServiceFields
                        idPrefix={`${idPrefix}.${draft.key}`}
                        fields={service.fields}
                        values={draft.values}
                        onChange={(name, next) => update(draft.key, name, next)}
                        errors={errors[draft.key]}
                        logos={logos}
                      />
                      <LeadTimeNote verdict={verdicts[position]} />
                    </Flex>
                  </Box>
                );
              })}
              {checked && (
                <Box>
                  <Button
                    variant="secondary"
                    startIcon={<Plus />}
                    onClick={() => {
                      const last = value
                        .map((draft) => draft.workflow)
                        .lastIndexOf(service.workflow);
                      const next = [...value];
                      next.splice(last + 1, 0, newDraft(service.workflow));
                      onChange(next);
                    }}
                  >
                    {t('intake.services.another', 'Añadir otra solicitud de «{label}»', {
                      label: service.label,
                    })}
                  </Button>
                </Box>
              )}
            </Flex>
          </Box>
        );
      })}
    </Flex>
  );
};
