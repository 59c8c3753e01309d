import { parseIsoDate, type IsoDate } from '../calendar';

/**
 * The metadata of the state platform's formats (SPEC §6) a transparency document carries, in the
 * order the public reads them (site API, open data, content API).
 */
export const TRANSPARENCY_METADATA_FIELDS = [
  'law',
  'lawVersion',
  'article',
  'fraccion',
  'ejercicio',
  'periodStart',
  'periodEnd',
  'responsibleArea',
  'updatedOn',
  'validatedOn',
  'note',
] as const;

/** The metadata of a transparency document that must agree with itself. */
export interface DocumentMetadata {
  ejercicio?: number | string | null;
  periodStart?: unknown;
  periodEnd?: unknown;
  updatedOn?: unknown;
  validatedOn?: unknown;
}

/** A broken rule: the fields involved and a Spanish message for staff. */
export interface MetadataProblem {
  fields: string[];
  message: string;
}

/** A date as the schema stores it (YYYY-MM-DD), whatever form the caller or driver used. */
export const isoDateOf = (value: unknown): IsoDate | null => {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  }
  return parseIsoDate(String(value).slice(0, 10));
};

/**
 * Rules of the state platform's formats: the period ends on or after it starts, the ejercicio is
 * the year the period starts, and a validation cannot come before the update it validates.
 * Missing values are not checked here (the workflow asks for them before the analysis).
 */
export const metadataProblems = (metadata: DocumentMetadata): MetadataProblem[] => {
  const problems: MetadataProblem[] = [];
  const periodStart = isoDateOf(metadata.periodStart);
  const periodEnd = isoDateOf(metadata.periodEnd);
  const updatedOn = isoDateOf(metadata.updatedOn);
  const validatedOn = isoDateOf(metadata.validatedOn);
  const rawEjercicio = metadata.ejercicio;
  const ejercicio =
    rawEjercicio === null || rawEjercicio === undefined || rawEjercicio === ''
      ? null
      : Number(rawEjercicio);

  if (periodStart && periodEnd && periodEnd < periodStart) {
    problems.push({
      fields: ['periodStart', 'periodEnd'],
      message: `El fin del periodo (${periodEnd}) no puede ser anterior a su inicio (${periodStart}).`,
    });
  }
  if (periodStart && ejercicio !== null && ejercicio !== Number(periodStart.slice(0, 4))) {
    problems.push({
      fields: ['ejercicio', 'periodStart'],
      message: `El ejercicio (${rawEjercicio}) debe ser el año en que empieza el periodo (${periodStart}).`,
    });
  }
  if (updatedOn && validatedOn && validatedOn < updatedOn) {
    problems.push({
      fields: ['updatedOn', 'validatedOn'],
      message: `La fecha de validación (${validatedOn}) no puede ser anterior a la de actualización (${updatedOn}).`,
    });
  }
  return problems;
};
