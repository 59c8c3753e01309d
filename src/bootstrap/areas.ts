import type { Core } from '@strapi/strapi';

type Kind = 'dependencia' | 'organismo_auxiliar' | 'presidencia';

/** Areas of the Ayuntamiento de Calimaya (administración 2025-2027) that request services. */
export const AREAS: readonly { name: string; shortName: string; kind: Kind }[] = [
  { name: 'Presidencia Municipal', shortName: 'PM', kind: 'presidencia' },
  { name: 'Secretaría del Ayuntamiento', shortName: 'SA', kind: 'dependencia' },
  { name: 'Secretaría Técnica', shortName: 'ST', kind: 'dependencia' },
  { name: 'Tesorería Municipal', shortName: 'TM', kind: 'dependencia' },
  { name: 'Contraloría Municipal', shortName: 'CM', kind: 'dependencia' },
  { name: 'Consejería Jurídica', shortName: 'CJ', kind: 'dependencia' },
  { name: 'Dirección de Administración', shortName: 'DA', kind: 'dependencia' },
  { name: 'Dirección de Obras Públicas', shortName: 'DOP', kind: 'dependencia' },
  { name: 'Dirección de Desarrollo Urbano', shortName: 'DDU', kind: 'dependencia' },
  { name: 'Dirección de Desarrollo Económico', shortName: 'DDE', kind: 'dependencia' },
  { name: 'Dirección de Desarrollo Social', shortName: 'DDS', kind: 'dependencia' },
  { name: 'Dirección de Desarrollo Agropecuario', shortName: 'DDAG', kind: 'dependencia' },
  { name: 'Dirección de Educación', shortName: 'DE', kind: 'dependencia' },
  { name: 'Dirección de Cultura', shortName: 'DC', kind: 'dependencia' },
  { name: 'Dirección de Turismo', shortName: 'DT', kind: 'dependencia' },
  { name: 'Dirección de Medio Ambiente', shortName: 'DMA', kind: 'dependencia' },
  { name: 'Dirección de Servicios Públicos', shortName: 'DSP', kind: 'dependencia' },
  { name: 'Dirección de Gobernación', shortName: 'DG', kind: 'dependencia' },
  { name: 'Dirección de Seguridad Pública', shortName: 'DSPU', kind: 'dependencia' },
  {
    name: 'Coordinación Municipal de Protección Civil y Bomberos',
    shortName: 'PC',
    kind: 'dependencia',
  },
  { name: 'Dirección de Bienestar', shortName: 'DB', kind: 'dependencia' },
  { name: 'Instituto Municipal de la Mujer', shortName: 'IMM', kind: 'dependencia' },
  {
    name: 'Unidad de Transparencia y Acceso a la Información',
    shortName: 'UT',
    kind: 'dependencia',
  },
  { name: 'Defensoría Municipal de Derechos Humanos', shortName: 'DMDH', kind: 'dependencia' },
  { name: 'Oficialía del Registro Civil', shortName: 'RC', kind: 'dependencia' },
  {
    name: 'Dirección de Comunicación Social y Gobierno Digital',
    shortName: 'DCSGD',
    kind: 'dependencia',
  },
  {
    name: 'Sistema Municipal para el Desarrollo Integral de la Familia',
    shortName: 'SMDIF',
    kind: 'organismo_auxiliar',
  },
  {
    name: 'Organismo Público Descentralizado para la Prestación de los Servicios de Agua Potable, Alcantarillado y Saneamiento',
    shortName: 'OPDAPAS',
    kind: 'organismo_auxiliar',
  },
  {
    name: 'Instituto Municipal de Cultura Física y Deporte de Calimaya',
    shortName: 'IMCUFIDEC',
    kind: 'organismo_auxiliar',
  },
];

/** Adds the areas that are missing; staff edits to existing ones are kept. */
export const seedAreas = async ({ strapi }: { strapi: Core.Strapi }) => {
  const existing = (await strapi.db
    .query('api::area.area')
    .findMany({ select: ['shortName'] })) as { shortName: string | null }[];
  const have = new Set(existing.map((row) => row.shortName));
  for (const area of AREAS) {
    if (have.has(area.shortName)) continue;
    await strapi.documents('api::area.area').create({ data: { ...area, active: true } });
  }
};
