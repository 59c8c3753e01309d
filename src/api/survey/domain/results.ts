/**
 * Results of a survey from its stored responses, with no Strapi import: counts per option,
 * scale means and distributions, the latest text answers, and the CSV of raw responses.
 */
import { mexicoCityParts } from '../../../domain/calendar';
import { toCsv } from '../../../utils/csv';
import { DEFAULT_SCALE, type Question } from './questions';

export interface ResponseRow {
  answers: Record<string, unknown> | null;
  /** ISO instant. */
  submittedAt: string | null;
}

export interface ValueCount {
  value: string;
  count: number;
  percentage: number;
  retired?: boolean;
}

export interface QuestionResult {
  key: string;
  prompt: string;
  kind: Question['kind'];
  required: boolean;
  answered: number;
  options?: ValueCount[];
  scale?: { min: number; max: number; mean: number | null; distribution: ValueCount[] };
  texts?: {
    items: { text: string; submittedAt: string | null }[];
    pagination: { page: number; pageSize: number; pageCount: number; total: number };
  };
}

/** One decimal, as staff read a percentage. */
const percentage = (count: number, of: number) =>
  of === 0 ? 0 : Math.round((count / of) * 1000) / 10;

const isAnswered = (value: unknown) =>
  value !== undefined &&
  value !== null &&
  value !== '' &&
  !(Array.isArray(value) && value.length === 0);

/** Counts in the order of `known`, then any value no longer offered, most frequent first. */
const countValues = (known: string[], counts: Map<string, number>, of: number): ValueCount[] => {
  const rows: ValueCount[] = known.map((value) => ({
    value,
    count: counts.get(value) ?? 0,
    percentage: percentage(counts.get(value) ?? 0, of),
  }));
  const retired = [...counts.entries()]
    .filter(([value]) => !known.includes(value))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  for (const [value, count] of retired) {
    rows.push({ value, count, percentage: percentage(count, of), retired: true });
  }
  return rows;
};

/**
 * Results per question over every response. Text answers come newest first, `textPage[key]`
 * (1-based) of `textPageSize` each.
 */
export const summarize = (
  questions: readonly Question[],
  rows: readonly ResponseRow[],
  {
    textPage = {},
    textPageSize = 10,
  }: { textPage?: Record<string, number>; textPageSize?: number } = {}
): QuestionResult[] =>
  questions.map((question) => {
    const values = rows
      .map((row) => ({ value: row.answers?.[question.key], submittedAt: row.submittedAt }))
      .filter((entry) => isAnswered(entry.value));
    const answered = values.length;
    const base = {
      key: question.key,
      prompt: question.prompt,
      kind: question.kind,
      required: question.required,
      answered,
    };

    if (question.kind === 'opcion_unica' || question.kind === 'opcion_multiple') {
      const counts = new Map<string, number>();
      for (const { value } of values) {
        const chosen = Array.isArray(value) ? value : [value];
        for (const option of new Set(chosen.map(String))) {
          counts.set(option, (counts.get(option) ?? 0) + 1);
        }
      }
      return { ...base, options: countValues(question.options, counts, answered) };
    }

    if (question.kind === 'escala') {
      const min = question.scaleMin ?? DEFAULT_SCALE.min;
      const max = question.scaleMax ?? DEFAULT_SCALE.max;
      const counts = new Map<string, number>();
      let sum = 0;
      let numeric = 0;
      for (const { value } of values) {
        const number = Number(value);
        if (!Number.isFinite(number)) continue;
        sum += number;
        numeric += 1;
        counts.set(String(number), (counts.get(String(number)) ?? 0) + 1);
      }
      const steps = Array.from({ length: max - min + 1 }, (_, i) => String(min + i));
      return {
        ...base,
        scale: {
          min,
          max,
          mean: numeric === 0 ? null : Math.round((sum / numeric) * 100) / 100,
          distribution: countValues(steps, counts, answered),
        },
      };
    }

    // Rows come oldest first; reversed before the stable sort so equal times keep newest first.
    const newestFirst = [...values]
      .reverse()
      .sort((a, b) => String(b.submittedAt ?? '').localeCompare(String(a.submittedAt ?? '')));
    const pageCount = Math.max(1, Math.ceil(answered / textPageSize));
    const page = Math.min(Math.max(1, textPage[question.key] ?? 1), pageCount);
    return {
      ...base,
      texts: {
        items: newestFirst
          .slice((page - 1) * textPageSize, page * textPageSize)
          .map(({ value, submittedAt }) => ({ text: String(value), submittedAt })),
        pagination: { page, pageSize: textPageSize, pageCount, total: answered },
      },
    };
  });

/** `YYYY-MM-DD HH:mm` in Mexico City. */
const localDateTime = (iso: string | null) => {
  if (!iso) return '';
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return '';
  const { date, minutes } = mexicoCityParts(instant);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${date} ${hh}:${mm}`;
};

const cell = (value: unknown) => {
  if (!isAnswered(value)) return '';
  return Array.isArray(value) ? value.map(String).join('; ') : String(value);
};

/**
 * The raw responses as CSV (UTF-8 with BOM so spreadsheets read the accents, CRLF, RFC 4180):
 * submission time in Mexico City, then one column per question headed by its prompt; answers to
 * questions since removed from the survey keep a column headed by their key.
 */
export const responsesCsv = (questions: readonly Question[], rows: readonly ResponseRow[]) => {
  const keys = questions.map((q) => q.key);
  const extra = new Set<string>();
  for (const row of rows) {
    for (const key of Object.keys(row.answers ?? {})) if (!keys.includes(key)) extra.add(key);
  }
  const columns = [...keys, ...[...extra].sort()];
  const prompts = new Map(questions.map((q) => [q.key, q.prompt]));
  const lines = [
    ['Fecha de envío (hora de la Ciudad de México)', ...columns.map((k) => prompts.get(k) ?? k)],
    ...rows.map((row) => [
      localDateTime(row.submittedAt),
      ...columns.map((key) => cell(row.answers?.[key])),
    ]),
  ];
  return toCsv(lines);
};
