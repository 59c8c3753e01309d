import type { Core } from '@strapi/strapi';
import { HOLIDAY_UID } from '../api/business-calendar/services/business-calendar';

const NOTE = 'Ejemplo de demostración: confírmalo con la Gaceta del Gobierno del Estado de México.';

/** State-calendar days of 2026 so a new installation shows how ranges and sources look. */
const DEMO_DAYS = [
  {
    date: '2026-03-02',
    name: 'Aniversario de la erección del Estado de México',
    source: 'calendario_estatal',
  },
  {
    date: '2026-04-02',
    endDate: '2026-04-03',
    name: 'Jueves y Viernes Santo',
    source: 'calendario_estatal',
  },
  { date: '2026-05-05', name: 'Batalla de Puebla', source: 'calendario_estatal' },
  {
    date: '2026-07-20',
    endDate: '2026-07-31',
    name: 'Primer periodo vacacional',
    source: 'calendario_estatal',
  },
  { date: '2026-11-02', name: 'Día de Muertos', source: 'calendario_estatal' },
  {
    date: '2026-12-21',
    endDate: '2027-01-01',
    name: 'Segundo periodo vacacional',
    source: 'calendario_estatal',
  },
] as const;

export const seedDemoCalendar = async ({ strapi }: { strapi: Core.Strapi }) => {
  const existing = await strapi.db
    .query(HOLIDAY_UID)
    .count({ where: { source: 'calendario_estatal' } });
  if (existing > 0) return;
  for (const day of DEMO_DAYS) {
    await strapi.documents(HOLIDAY_UID).create({ data: { ...day, note: NOTE } });
  }
};
