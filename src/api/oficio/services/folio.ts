import type { Core } from '@strapi/strapi';

export const FOLIO_PREFIX = 'DCSGD';

/** `DCSGD/0042/2026` */
export const formatFolio = (sequence: number, year: number) =>
  `${FOLIO_PREFIX}/${String(sequence).padStart(4, '0')}/${year}`;

export const FOLIO_PATTERN = /^DCSGD\/\d{4,}\/\d{4}$/;

/**
 * Folios `DCSGD/NNNN/YYYY`, gapless per year. The counter row is incremented inside the caller's
 * transaction: the row lock serialises concurrent creations (also across instances sharing one
 * PostgreSQL database) and a rolled-back creation gives its number back.
 */
export const createFolioService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async next(year: number): Promise<string> {
    return strapi.db.transaction(async ({ trx }) => {
      await trx('folio_counters').insert({ year, last: 0 }).onConflict('year').ignore();
      await trx('folio_counters').where({ year }).increment('last', 1);
      const row = await trx('folio_counters').where({ year }).first('last');
      return formatFolio(Number(row.last), year);
    });
  },
});

export type FolioService = ReturnType<typeof createFolioService>;

export default createFolioService;
