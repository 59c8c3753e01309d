import type { Actor, Facts, Role, RoleRef } from './types';

/** The ten admin roles of the Dirección, created on bootstrap. */
export const STAFF_ROLES: readonly Role[] = Object.freeze([
  'director',
  'coordinador_comunicacion',
  'disenador_senior',
  'disenador_junior',
  'community_manager',
  'fotografo',
  'creador_contenido',
  'coordinador_gobierno_digital',
  'auxiliar_gobierno_digital',
  'coordinador_organismos',
] as const);

/** Every role, staff first. */
export const ROLES: readonly Role[] = Object.freeze([
  ...STAFF_ROLES,
  'area',
  'secretaria_tecnica',
  'system',
] as const);

/** Spanish display names of the roles. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = Object.freeze({
  director: 'Director(a)',
  coordinador_comunicacion: 'Coordinador(a) de Comunicación Social',
  disenador_senior: 'Diseñador(a) Senior',
  disenador_junior: 'Diseñador(a) Junior',
  community_manager: 'Community Manager',
  fotografo: 'Fotógrafo(a)',
  creador_contenido: 'Creador(a) de Contenido Digital',
  coordinador_gobierno_digital: 'Coordinador(a) de Gobierno Digital',
  auxiliar_gobierno_digital: 'Auxiliar de Gobierno Digital',
  coordinador_organismos: 'Coordinador(a) de Atención a Organismos Auxiliares',
  area: 'Área solicitante',
  secretaria_tecnica: 'Secretaría Técnica',
  system: 'Sistema',
});

/** The routed designer, as written in definitions. */
export const ASSIGNED_DESIGNER = 'disenador_asignado' satisfies RoleRef;

/**
 * The designer a request is routed to: the senior designer works for dependencias and
 * Presidencia, the junior designer for organismos auxiliares.
 */
export function assignedDesigner(facts: Facts): Role {
  return facts.oficio?.areaKind === 'organismo_auxiliar' ? 'disenador_junior' : 'disenador_senior';
}

/** Who schedules, reschedules and cancels a coverage, as written in definitions. */
export const COVERAGE_SCHEDULER = 'programacion_cobertura' satisfies RoleRef;

/**
 * Who schedules a coverage (manual 1.3 and 3.2): the Coordinador(a) de Comunicación Social; when
 * the requesting area is an organismo auxiliar, also the Coordinador(a) de Atención a Organismos
 * Auxiliares and the Community Manager.
 */
export function coverageSchedulers(facts: Facts): Role[] {
  return facts.oficio?.areaKind === 'organismo_auxiliar'
    ? ['coordinador_comunicacion', 'coordinador_organismos', 'community_manager']
    : ['coordinador_comunicacion'];
}

const resolveRef = (ref: RoleRef, facts: Facts): Role[] => {
  if (ref === ASSIGNED_DESIGNER) return [assignedDesigner(facts)];
  if (ref === COVERAGE_SCHEDULER) return coverageSchedulers(facts);
  return [ref];
};

/**
 * Concrete roles allowed by a definition's role list, the director included (it may act on
 * every transition). The system is not listed: it is always allowed.
 */
export function resolveRoles(refs: readonly RoleRef[], facts: Facts): Role[] {
  const roles: Role[] = [];
  for (const ref of refs) {
    for (const role of resolveRef(ref, facts)) if (!roles.includes(role)) roles.push(role);
  }
  if (!roles.includes('director')) roles.push('director');
  return roles;
}

/** Whether the actor holds the role; an actor of kind 'system' always holds 'system'. */
export function actorHasRole(actor: Actor, role: Role): boolean {
  if (role === 'system' && actor.kind === 'system') return true;
  return actor.roles.includes(role);
}

/** Whether the actor holds any of the roles, or is the system (which may do everything). */
export function actorMayAct(actor: Actor, roles: readonly Role[]): boolean {
  return actorHasRole(actor, 'system') || roles.some((role) => actorHasRole(actor, role));
}
