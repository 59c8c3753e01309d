import type { BadgeProps } from '@strapi/design-system';
import type {
  ObligationFrequency,
  ObligationStatus,
} from '../../../../../shared/contracts/transparency';

type Message = { id: string; label: string };

/** Spanish name and colour of each status: overdue in red, due soon in amber. */
export const STATUSES: Record<
  ObligationStatus,
  Message & { variant: NonNullable<BadgeProps['variant']>; color: string }
> = {
  vencida: {
    id: 'transparency.status.vencida',
    label: 'Vencida',
    variant: 'danger',
    color: 'danger600',
  },
  por_vencer: {
    id: 'transparency.status.por_vencer',
    label: 'Por vencer',
    variant: 'warning',
    color: 'neutral800',
  },
  al_dia: {
    id: 'transparency.status.al_dia',
    label: 'Al día',
    variant: 'success',
    color: 'success600',
  },
};

export const FREQUENCIES: Record<ObligationFrequency, Message> = {
  trimestral: { id: 'transparency.frequency.trimestral', label: 'Trimestral' },
  semestral: { id: 'transparency.frequency.semestral', label: 'Semestral' },
  anual: { id: 'transparency.frequency.anual', label: 'Anual' },
};

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

/** XXIII → 23; anything else sorts after the numerals. */
const romanValue = (text: string) => {
  const value = text.trim().toUpperCase();
  if (!/^[IVXLCDM]+$/.test(value)) return Number.MAX_SAFE_INTEGER;
  let total = 0;
  for (let index = 0; index < value.length; index++) {
    const current = ROMAN[value[index]];
    total += current < (ROMAN[value[index + 1]] ?? 0) ? -current : current;
  }
  return total;
};

/** Catalogue order: law, article, then fracción as a number (II before X, X before XX). */
export const catalogueOrder = <T extends { law: string; article: string; fraccion: string }>(
  a: T,
  b: T
) =>
  a.law.localeCompare(b.law, 'es') ||
  (Number.parseInt(a.article, 10) || 0) - (Number.parseInt(b.article, 10) || 0) ||
  romanValue(a.fraccion) - romanValue(b.fraccion) ||
  a.fraccion.localeCompare(b.fraccion, 'es');
