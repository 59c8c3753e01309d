import type { Core, UID } from '@strapi/strapi';
import type { Frequency } from '../domain/transparency';
import { ADMIN_ROLE_CODES } from '../services/write-context';

const OBLIGATION_UID = 'api::transparency-obligation.transparency-obligation' as string;

export const STATE_TRANSPARENCY_LAW =
  'Ley de Transparencia y Acceso a la Información Pública del Estado de México y Municipios';

interface SeedObligation {
  fraccion: string;
  title: string;
  responsibleArea: string;
  frequency?: Frequency;
}

/**
 * Common obligations of artículo 92 that a municipality publishes, with their fracción as the
 * law writes it. Staff keep the catalogue up to date in the content manager as reforms renumber it.
 */
export const ARTICLE_92: readonly SeedObligation[] = [
  { fraccion: 'I', title: 'Marco normativo aplicable', responsibleArea: 'Consejería Jurídica' },
  {
    fraccion: 'II',
    title: 'Estructura orgánica',
    responsibleArea: 'Dirección de Administración',
  },
  {
    fraccion: 'III',
    title: 'Facultades de cada área',
    responsibleArea: 'Dirección de Administración',
  },
  {
    fraccion: 'IV',
    title: 'Metas y objetivos de las áreas',
    responsibleArea: 'Secretaría Técnica',
    frequency: 'anual',
  },
  {
    fraccion: 'V',
    title: 'Indicadores de temas de interés público o trascendencia social',
    responsibleArea: 'Secretaría Técnica',
  },
  {
    fraccion: 'VI',
    title: 'Indicadores de objetivos y resultados',
    responsibleArea: 'Secretaría Técnica',
  },
  {
    fraccion: 'VII',
    title: 'Directorio de servidores públicos',
    responsibleArea: 'Dirección de Administración',
  },
  {
    fraccion: 'VIII',
    title: 'Remuneración bruta y neta de los servidores públicos',
    responsibleArea: 'Dirección de Administración',
  },
  {
    fraccion: 'IX',
    title: 'Gastos de representación y viáticos',
    responsibleArea: 'Tesorería Municipal',
  },
  {
    fraccion: 'X',
    title: 'Plazas, personal de base y de confianza y vacantes',
    responsibleArea: 'Dirección de Administración',
  },
  {
    fraccion: 'XI',
    title: 'Contrataciones de servicios profesionales por honorarios',
    responsibleArea: 'Dirección de Administración',
  },
  {
    fraccion: 'XII',
    title: 'Declaraciones patrimoniales en versión pública',
    responsibleArea: 'Contraloría Municipal',
  },
  {
    fraccion: 'XIII',
    title: 'Domicilio y datos de contacto de la Unidad de Transparencia',
    responsibleArea: 'Unidad de Transparencia y Acceso a la Información',
  },
  {
    fraccion: 'XIV',
    title: 'Convocatorias a concursos para ocupar cargos públicos y sus resultados',
    responsibleArea: 'Dirección de Administración',
  },
  {
    fraccion: 'XV',
    title: 'Programas de subsidios, estímulos y apoyos',
    responsibleArea: 'Dirección de Desarrollo Social',
  },
  {
    fraccion: 'XVI',
    title: 'Condiciones generales de trabajo y recursos entregados a sindicatos',
    responsibleArea: 'Dirección de Administración',
  },
  {
    fraccion: 'XVII',
    title: 'Información curricular de los servidores públicos',
    responsibleArea: 'Dirección de Administración',
  },
  {
    fraccion: 'XVIII',
    title: 'Servidores públicos con sanciones administrativas definitivas',
    responsibleArea: 'Contraloría Municipal',
  },
  {
    fraccion: 'XIX',
    title: 'Servicios que se ofrecen y requisitos para acceder a ellos',
    responsibleArea: 'Secretaría del Ayuntamiento',
  },
  {
    fraccion: 'XX',
    title: 'Trámites, requisitos y formatos',
    responsibleArea: 'Secretaría del Ayuntamiento',
  },
  {
    fraccion: 'XXI',
    title: 'Presupuesto asignado e informes del ejercicio trimestral del gasto',
    responsibleArea: 'Tesorería Municipal',
  },
  { fraccion: 'XXII', title: 'Deuda pública', responsibleArea: 'Tesorería Municipal' },
  {
    fraccion: 'XXIII',
    title: 'Gastos de comunicación social y publicidad oficial',
    responsibleArea: 'Dirección de Comunicación Social y Gobierno Digital',
  },
  {
    fraccion: 'XXIV',
    title: 'Informes de resultados de las auditorías al ejercicio presupuestal',
    responsibleArea: 'Contraloría Municipal',
  },
  {
    fraccion: 'XXV',
    title: 'Resultado de la dictaminación de los estados financieros',
    responsibleArea: 'Tesorería Municipal',
    frequency: 'anual',
  },
  {
    fraccion: 'XXIX',
    title: 'Informes que por disposición legal se generan',
    responsibleArea: 'Secretaría Técnica',
  },
  {
    fraccion: 'XXX',
    title: 'Estadísticas generadas en cumplimiento de sus facultades',
    responsibleArea: 'Secretaría Técnica',
  },
  {
    fraccion: 'XXXIV',
    title: 'Inventario de bienes muebles e inmuebles',
    responsibleArea: 'Secretaría del Ayuntamiento',
    frequency: 'semestral',
  },
  {
    fraccion: 'XXXIX',
    title: 'Actas y resoluciones del Comité de Transparencia',
    responsibleArea: 'Unidad de Transparencia y Acceso a la Información',
    frequency: 'semestral',
  },
  {
    fraccion: 'XLV',
    title: 'Catálogo de disposición y guía de archivo documental',
    responsibleArea: 'Secretaría del Ayuntamiento',
    frequency: 'anual',
  },
];

/** Content-manager actions on the catalogue for each role that keeps it or reads it. */
const CATALOGUE_ACCESS: Record<string, readonly ('read' | 'create' | 'update' | 'delete')[]> = {
  'cs-director': ['read', 'create', 'update', 'delete'],
  'cs-coordinador-gobierno-digital': ['read', 'create', 'update', 'delete'],
  'cs-auxiliar-gobierno-digital': ['read'],
};
const GRANTS_STORE_KEY = 'transparency-obligation-access-granted';

type ActionDefinition = { actionId: string; subjects?: string[]; section: string };

/**
 * Lets the Dirección and Gobierno Digital edit the catalogue in the content manager. Each role is
 * granted once: what staff later remove in Settings › Roles stays removed.
 */
const grantCatalogueAccess = async (strapi: Core.Strapi) => {
  const store = strapi.store({ type: 'plugin', name: 'comunicacion' });
  const granted = new Set(((await store.get({ key: GRANTS_STORE_KEY })) as string[] | null) ?? []);
  const actions = strapi.service('admin::permission').actionProvider.values() as ActionDefinition[];
  let changed = false;

  for (const [code, cruds] of Object.entries(CATALOGUE_ACCESS)) {
    if (granted.has(code) || !ADMIN_ROLE_CODES[code]) continue;
    const role = await strapi.db.query('admin::role').findOne({ where: { code } });
    if (!role) continue;
    const scoped = actions
      .filter((action) =>
        cruds.some((crud) => action.actionId === `plugin::content-manager.explorer.${crud}`)
      )
      .map((action) => ({ ...action, subjects: [OBLIGATION_UID] }));
    const permissions = strapi
      .service('admin::content-type')
      .getPermissionsWithNestedFields(scoped) as Record<string, unknown>[];
    await strapi.service('admin::role').addPermissions(role.id, permissions);
    granted.add(code);
    changed = true;
  }
  if (changed) await store.set({ key: GRANTS_STORE_KEY, value: [...granted].sort() });
};

/**
 * The catalogue of obligations starts with artículo 92 of the state law when it is empty; after
 * that it belongs to the staff. Runs in every environment.
 */
export const seedTransparencyObligations = async ({ strapi }: { strapi: Core.Strapi }) => {
  const uid = OBLIGATION_UID as UID.ContentType;
  if ((await strapi.db.query(uid).count({})) === 0) {
    for (const obligation of ARTICLE_92) {
      await strapi.documents(uid).create({
        data: {
          law: STATE_TRANSPARENCY_LAW,
          lawVersion: 'Texto vigente',
          article: '92',
          frequency: 'trimestral',
          updateWindowDays: 30,
          active: true,
          ...obligation,
        } as never,
      });
    }
  }
  await grantCatalogueAccess(strapi);
};
