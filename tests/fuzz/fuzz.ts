/*
 * A seeded walk over every route of the running application with every kind of caller and hostile
 * input. What it checks on each answer:
 * - no 5xx;
 * - every 4xx is JSON with a Spanish `error.message` and an `error.details.code` (HTML pages and
 *   files aside);
 * - no canary (a value planted in a private or personal field of one area's records) reaches a
 *   caller who must not read it: the content API never shows internal fields, and personal data
 *   only to the area that gave it; staff see a field only where their role's read permission names
 *   it;
 * - an area asking for another area's record by its id is answered 404, never 403 nor the record.
 * Loopback only: the server is the one booted in this process.
 */
import crypto from 'node:crypto';
import type { Core, UID } from '@strapi/strapi';
import type { TestApp } from '../harness/app';
import { loginAsAdmin, loginAsApiUser, type Session } from '../harness/auth';
import { runInternal } from '../harness/runtime';
import { areaId } from '../harness/workflow-fixtures';
import { prng } from '../harness/random';
import {
  personalFieldsOf,
  SECRETARIA_TECNICA_READS,
} from '../../src/domain/workflows/staff-access';

const EMAIL_REQUEST_UID = 'api::email-account-request.email-account-request';

export interface FuzzOptions {
  seed: number;
  requests: number;
  /** Called with a line of progress now and then. */
  log?: (line: string) => void;
}

export interface Finding {
  kind: '5xx' | 'leak' | 'uncoded' | 'cross-area' | 'forbidden-not-404';
  actor: string;
  request: string;
  status: number;
  detail: string;
}

export interface FuzzReport {
  requests: number;
  routes: number;
  actors: number;
  byStatus: Record<string, number>;
  findings: Finding[];
  totals: { fiveXX: number; leaks: number; uncoded: number; crossArea: number };
}

type Kind = 'anonymous' | 'area' | 'api' | 'staff' | 'forged';

interface Actor {
  name: string;
  kind: Kind;
  auth?: Record<string, string>;
  /** The area's id for area accounts. */
  area?: number;
  /** Staff: `uid.field` pairs the role's read permissions name. */
  readable?: Set<string>;
  /** Staff: content types the role reads. */
  readableTypes?: Set<string>;
}

interface Canary {
  value: string;
  uid: string;
  field: string;
  /** Personal data of the requester (the area that gave it may read it back). */
  personal: boolean;
  /** The area whose record holds it. */
  area: number;
}

interface Route {
  method: string;
  path: string;
}

/** Routes that end the caller's own session or would wait on the network: not walked. */
const SKIPPED = [
  /^\/admin\/logout$/,
  /^\/api\/auth\/logout$/,
  /^\/api\/auth\/change-password$/,
  /^\/api\/auth\/(email-confirmation|send-email-confirmation)$/,
  /^\/api\/connect\//,
  /^\/admin\/transfer\//,
  /^\/admin\/renew-token$/,
  /^\/admin\/users\/me$/,
  /^\/admin\/access-token/,
  /^\/_health$/,
];

/** Paths that answer pages or files on a refusal too (their 404 is a page). */
const PAGE_PATHS =
  /^\/(admin(\/|$)(?!.*\/(api|content-manager|upload))|sitio\/|areas\/|uploads\/|favicon|aprobar|robots)/;

const SPANISH =
  /[áéíóúñ¿¡«»]|\b(la|el|los|las|no|de|del|un|una|falta|debe|para|por|que|en|y|unos|espera|solicitud|consulta|sesión|permiso)\b/i;

const ENGLISH =
  /\b(the|must|should|expected|invalid|cannot|required|not found|forbidden|unauthorized|missing|is not|error)\b/i;

const str = (value: unknown) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));

/** Strapi's own bookkeeping attributes: not the office's data. */
const STRAPI_FIELDS = new Set(['locale', 'documentId']);

/** Fields of a content type that hold text a canary fits in. */
const plantable = (schema: { attributes: Record<string, Record<string, unknown>> }) =>
  Object.entries(schema.attributes)
    .filter(([, attribute]) =>
      ['string', 'text', 'email', 'richtext', 'blocks'].includes(String(attribute.type))
    )
    .filter(([name]) => !STRAPI_FIELDS.has(name))
    .filter(([, attribute]) => attribute.private === true || attribute.type === 'email')
    .map(([name, attribute]) => ({ name, type: String(attribute.type) }));

export const runFuzz = async (app: TestApp, options: FuzzOptions): Promise<FuzzReport> => {
  const random = prng(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const strapi = app.strapi as Core.Strapi;
  const log = options.log ?? (() => undefined);

  // --- Callers -----------------------------------------------------------------------------
  const areaA = await areaId(app, 'DC');
  const areaB = await areaId(app, 'TM');
  const actors: Actor[] = [{ name: 'anónimo', kind: 'anonymous' }];
  const areaSession = async (area: number) =>
    loginAsApiUser(app, 'Área solicitante', { data: { area } });
  const a = await areaSession(areaA);
  const b = await areaSession(areaB);
  actors.push({ name: 'área DC', kind: 'area', auth: a.auth, area: areaA });
  actors.push({ name: 'área TM', kind: 'area', auth: b.auth, area: areaB });
  actors.push({
    name: 'Secretaría Técnica',
    kind: 'api',
    // For whom it authorizes an account: by design, the one private data it reads.
    readable: new Set(SECRETARIA_TECNICA_READS.map((field) => `${EMAIL_REQUEST_UID}.${field}`)),
    auth: (await loginAsApiUser(app, 'Secretaría Técnica')).auth,
  });
  actors.push({
    name: 'cuenta sin rol de área',
    kind: 'api',
    auth: (await loginAsApiUser(app, 'authenticated')).auth,
  });
  for (const role of [
    'Director(a)',
    'Diseñador(a) Senior',
    'Fotógrafo(a)',
    'Community Manager',
    'Auxiliar de Gobierno Digital',
  ]) {
    const session: Session = await loginAsAdmin(app, role);
    const roleRow = await strapi.db.query('admin::role').findOne({ where: { name: role } });
    const permissions = (await strapi.db.query('admin::permission').findMany({
      where: { role: roleRow.id, action: 'plugin::content-manager.explorer.read' },
    })) as { subject: string; properties?: { fields?: string[] } }[];
    const readable = new Set<string>();
    for (const permission of permissions) {
      for (const field of permission.properties?.fields ?? []) {
        readable.add(`${permission.subject}.${field.split('.')[0]}`);
      }
    }
    actors.push({
      name: role,
      kind: 'staff',
      auth: session.auth,
      readable,
      readableTypes: new Set(permissions.map((p) => p.subject)),
    });
  }
  const forgedPayload = Buffer.from(JSON.stringify({ id: 1, iat: 1_700_000_000 })).toString(
    'base64url'
  );
  actors.push({
    name: 'token falsificado',
    kind: 'forged',
    auth: { Authorization: `Bearer eyJhbGciOiJIUzI1NiJ9.${forgedPayload}.firmafalsa` },
  });
  actors.push({
    name: 'token sin firma',
    kind: 'forged',
    auth: { Authorization: `Bearer eyJhbGciOiJub25lIn0.${forgedPayload}.` },
  });

  // --- Canaries in every private or personal text field of area DC's records ------------------
  const canaries: Canary[] = [];
  const ids: Record<string, { own: string[]; other: string[] }> = {};
  const plant = async (uid: string, area: number) => {
    const schema = strapi.contentTypes[uid as UID.ContentType] as unknown as {
      attributes: Record<string, Record<string, unknown>>;
      options?: { draftAndPublish?: boolean };
      info: { pluralName: string };
    };
    const data: Record<string, unknown> = {};
    for (const { name, type } of plantable(schema)) {
      const token = `canario${crypto.randomBytes(5).toString('hex')}`;
      const value = type === 'email' ? `${token}@canario.mx` : token;
      data[name] = value;
      if (area === areaA) {
        canaries.push({
          value: token,
          uid,
          field: name,
          personal: personalFieldsOf(uid).includes(name),
          area,
        });
      }
    }
    return data;
  };
  const workTypes = Object.keys(strapi.contentTypes).filter(
    (uid) =>
      uid.startsWith('api::') &&
      (
        strapi.contentTypes[uid as UID.ContentType].attributes as Record<
          string,
          { target?: string }
        >
      ).oficio?.target === 'api::oficio.oficio'
  );
  for (const area of [areaA, areaB]) {
    await runInternal(async () => {
      const oficio = await strapi.documents('api::oficio.oficio' as UID.ContentType).create({
        data: {
          subject: 'Oficio de prueba de entradas hostiles',
          receivedAt: '2027-01-04T16:00:00Z',
          channel: 'digital',
          area,
          ...(await plant('api::oficio.oficio', area)),
        } as never,
      });
      const record = (uid: string, documentId: string) => {
        ids[uid] ??= { own: [], other: [] };
        ids[uid][area === areaA ? 'own' : 'other'].push(documentId);
      };
      record('api::oficio.oficio', oficio.documentId);
      for (const uid of workTypes) {
        try {
          const item = await strapi.documents(uid as UID.ContentType).create({
            data: {
              title: 'Trabajo de prueba',
              oficio: oficio.documentId,
              ...(await plant(uid, area)),
            } as never,
          });
          record(uid, item.documentId);
        } catch (error) {
          log(`No se pudo sembrar ${uid}: ${(error as Error).message}`);
        }
      }
    });
  }

  // --- Routes ----------------------------------------------------------------------------------
  const routes: Route[] = [];
  for (const layer of strapi.server.listRoutes() as { path: string; methods: string[] }[]) {
    if (typeof layer.path !== 'string' || SKIPPED.some((re) => re.test(layer.path))) continue;
    for (const method of layer.methods.filter((m) => m !== 'HEAD')) {
      routes.push({ method, path: layer.path });
    }
  }
  const uidOfPath = (path: string) => {
    const segment = path.split('/')[2] ?? '';
    const fromCm = /(api::[\w-]+\.[\w-]+)/.exec(path)?.[1];
    if (fromCm) return fromCm;
    return Object.keys(strapi.contentTypes).find(
      (uid) =>
        uid.startsWith('api::') &&
        (strapi.contentTypes[uid as UID.ContentType].info as { pluralName: string }).pluralName ===
          segment
    );
  };

  // --- Hostile values --------------------------------------------------------------------------
  const canaryIds = () => {
    const all = Object.values(ids).flatMap((entry) => [...entry.own, ...entry.other]);
    return all.length ? pick(all) : 'x';
  };
  const PARAMS = [
    () => canaryIds(),
    () => 'abc',
    () => '0',
    () => '-1',
    () => '99999999999999999999',
    () => '..%2F..%2Fetc%2Fpasswd',
    () => '%00',
    () => 'a'.repeat(600),
    () => "'%20OR%201=1--",
    () => '%3Cscript%3E',
    () => 'api::oficio.oficio',
    () => 'plugin::users-permissions.user',
  ];
  const privateField = () => pick(canaries)?.field ?? 'requesterPhone';
  const QUERIES = [
    () => '',
    () => 'populate=*',
    () => 'populate[oficio][populate]=*',
    () => 'populate[designs]=*&populate[oficio]=*',
    () => `filters[${privateField()}][$eq]=${pick(canaries)?.value ?? 'x'}`,
    () => `filters[${privateField()}][$startsWith]=canario`,
    () => `sort=${privateField()}:desc`,
    () => `fields[0]=${privateField()}`,
    () => 'sort[0]=x.y:desc',
    () => 'pagination[page]=x&pagination[pageSize]=-1',
    () => 'pagination[pageSize]=100000',
    () => 'filters[$or][0][oficio][area][id][$ne]=0',
    () => 'filters[oficio][requesterPhone][$notNull]=true',
    () => 'filters[$and][0][$or][0][$not][x]=1',
    () => 'status=draft',
    () => 'locale=xx',
    () => 'q=' + encodeURIComponent('"><img src=x onerror=alert(1)>'),
    () => 'year=99999&from=x&days=-5&date=2026-02-30',
    () => 'populate[' + 'a]['.repeat(25) + 'x]=1',
  ];
  const deep = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
  const BODIES: (() => { type?: string; body?: string | Record<string, unknown> | unknown[] })[] = [
    () => ({}),
    () => ({ type: 'application/json', body: '{}' }),
    () => ({ type: 'application/json', body: '[]' }),
    () => ({ type: 'application/json', body: 'null' }),
    () => ({ type: 'application/json', body: '"texto"' }),
    () => ({ type: 'application/json', body: '{bad' }),
    () => ({ type: 'application/json', body: deep(60) }),
    () => ({ type: 'application/json', body: '['.repeat(5000) + ']'.repeat(5000) }),
    () => ({ type: 'application/json', body: '{"__proto__":{"admin":true}}' }),
    () => ({ type: 'application/json', body: '{"data":{"constructor":{"prototype":{}}}}' }),
    () => ({ type: 'multipart/form-data', body: 'x' }),
    () => ({ type: 'text/xml', body: '<a/>' }),
    () => ({ body: { data: { title: 1, oficio: canaryIds(), workflowStatus: 'atendido' } } }),
    () => ({ body: { data: { [privateField()]: ['x'], area: { connect: [{ id: areaB }] } } } }),
    () => ({ body: { data: 'x' } }),
    () => ({ body: { identifier: { $ne: 1 }, password: ['x'] } }),
    () => ({ body: { email: 'a@b', password: 'x'.repeat(5000) } }),
    () => ({ body: { to: { $ne: 1 }, uid: 'api::oficio.oficio', documentId: canaryIds() } }),
    () => ({ body: { permissions: 'x', fileIds: [canaryIds()], ids: { a: 1 } } }),
    () => ({
      body: {
        data: {
          startsAt: '2027-01-02T10:00:00Z',
          endsAt: '2026-01-01',
          deliverables: 'fotos',
          networks: { a: { b: 1 } },
          receivedAt: 'ayer',
          eventDate: '2026-02-30',
        },
      },
    }),
  ];

  // --- The walk --------------------------------------------------------------------------------
  const findings: Finding[] = [];
  const byStatus: Record<string, number> = {};
  const canariesIn = (text: string) => canaries.filter((c) => text.includes(c.value));
  const mayRead = (actor: Actor, canary: Canary) => {
    if (actor.kind === 'staff')
      return actor.readable?.has(`${canary.uid}.${canary.field}`) ?? false;
    if (actor.kind === 'area') return canary.personal && actor.area === canary.area;
    return actor.readable?.has(`${canary.uid}.${canary.field}`) ?? false;
  };

  const check = (
    actor: Actor,
    label: string,
    res: { status: number; text: string; headers: Record<string, string>; body: unknown }
  ) => {
    byStatus[res.status] = (byStatus[res.status] ?? 0) + 1;
    const found = (kind: Finding['kind'], detail: string) =>
      findings.push({ kind, actor: actor.name, request: label, status: res.status, detail });
    const path = label.split(' ')[1]?.split('?')[0] ?? '';
    if (res.status >= 500) found('5xx', res.text.slice(0, 200));
    if (res.status >= 400) {
      const error = (res.body as { error?: { message?: unknown; details?: { code?: unknown } } })
        ?.error;
      const json = /json/.test(res.headers['content-type'] ?? '');
      if (
        json &&
        (typeof error?.details?.code !== 'string' ||
          !SPANISH.test(str(error?.message)) ||
          ENGLISH.test(str(error?.message)))
      ) {
        if (error?.message !== 'User not active') found('uncoded', res.text.slice(0, 200));
      } else if (!json && !PAGE_PATHS.test(path)) {
        found('uncoded', `${res.headers['content-type'] ?? 'sin tipo'}: ${res.text.slice(0, 120)}`);
      }
    }
    if (res.status < 400 && res.text) {
      for (const canary of canariesIn(res.text)) {
        if (!mayRead(actor, canary)) {
          found('leak', `${canary.uid}.${canary.field}`);
        }
      }
    }
  };

  const send = async (
    actor: Actor,
    route: Route,
    pathValue: string,
    query: string,
    body: ReturnType<(typeof BODIES)[number]>
  ) => {
    const url = `${pathValue}${query ? `?${query}` : ''}`;
    const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    let req = app.http()[method](url).redirects(0).timeout(20_000);
    if (actor.auth) req = req.set(actor.auth);
    if (body.type) req = req.set('Content-Type', body.type);
    const res =
      body.body === undefined || route.method === 'GET'
        ? await req
        : await req.send(body.body as never);
    check(actor, `${route.method} ${url}`, {
      status: res.status,
      text: res.text ?? (Buffer.isBuffer(res.body) ? res.body.toString('latin1') : ''),
      headers: res.headers as Record<string, string>,
      body: res.body,
    });
    return res;
  };
  const fill = (path: string, value: () => string) =>
    path.replace(/:[A-Za-z_]+(\([^)]*\))?\??/g, () => value()).replace(/\(\.\*\)|\*/g, 'x');

  // 1. Cross-area reads: every content-API route that takes an id, with the other area's ids.
  let sent = 0;
  for (const route of routes.filter((r) => r.path.startsWith('/api/') && /:\w+/.test(r.path))) {
    const uid = uidOfPath(route.path);
    if (!uid || !ids[uid]) continue;
    for (const actor of actors.filter((x) => x.kind === 'area')) {
      const theirs = actor.area === areaA ? ids[uid].other : ids[uid].own;
      const own = actor.area === areaA ? ids[uid].own : ids[uid].other;
      if (!theirs.length || !own.length || route.method !== 'GET') continue;
      const mine = await send(
        actor,
        route,
        fill(route.path, () => own[0]),
        '',
        {}
      );
      const other = await send(
        actor,
        route,
        fill(route.path, () => theirs[0]),
        '',
        {}
      );
      sent += 2;
      if (other.status < 400) {
        findings.push({
          kind: 'cross-area',
          actor: actor.name,
          request: `GET ${route.path}`,
          status: other.status,
          detail: `otra área: ${uid}`,
        });
      } else if (other.status === 403 && mine.status !== 403) {
        findings.push({
          kind: 'forbidden-not-404',
          actor: actor.name,
          request: `GET ${route.path}`,
          status: 403,
          detail: `su propio registro: ${mine.status}`,
        });
      }
    }
  }

  // 2. Staff reads through the content manager: every type, with and without populating its
  //    relations two levels down, and every relation field through the relations endpoint.
  const relationsOf = (uid: string) =>
    Object.entries(
      strapi.contentTypes[uid as UID.ContentType].attributes as Record<
        string,
        { type?: string; target?: string }
      >
    )
      .filter(
        ([, attribute]) => attribute.type === 'relation' && attribute.target?.startsWith('api::')
      )
      .map(([name]) => name);
  const cm = (path: string): Route => ({ method: 'GET', path });
  for (const actor of actors.filter((x) => x.kind === 'staff')) {
    for (const [uid, entry] of Object.entries(ids)) {
      const id = entry.own[0];
      const base = `/content-manager/collection-types/${uid}`;
      const relations = relationsOf(uid);
      const populates = [
        'populate=*',
        ...relations.map((name) => `populate[${name}][populate]=*`),
        relations.map((name, i) => `populate[${i}]=${name}`).join('&'),
      ];
      for (const query of populates) {
        await send(actor, cm(`${base}/:id`), `${base}/${id}`, query, {});
        await send(actor, cm(base), base, query, {});
        sent += 2;
      }
      for (const field of relations) {
        const path = `/content-manager/relations/${uid}/${id}/${field}`;
        await send(actor, cm('/content-manager/relations/:model/:id/:targetField'), path, '', {});
        sent += 1;
      }
    }
  }

  // 3. The random walk.
  while (sent < options.requests) {
    const route = pick(routes);
    const actor = pick(actors);
    const pathValue = fill(route.path, pick(PARAMS));
    try {
      await send(
        actor,
        route,
        pathValue,
        pick(QUERIES)(),
        route.method === 'GET' ? {} : pick(BODIES)()
      );
    } catch (error) {
      findings.push({
        kind: '5xx',
        actor: actor.name,
        request: `${route.method} ${pathValue}`,
        status: 0,
        detail: `sin respuesta: ${(error as Error).message}`,
      });
    }
    sent += 1;
    if (sent % 500 === 0) log(`${sent} solicitudes…`);
  }

  const count = (kind: Finding['kind']) => findings.filter((f) => f.kind === kind).length;
  return {
    requests: sent,
    routes: routes.length,
    actors: actors.length,
    byStatus,
    findings,
    totals: {
      fiveXX: count('5xx'),
      leaks: count('leak'),
      uncoded: count('uncoded'),
      crossArea: count('cross-area') + count('forbidden-not-404'),
    },
  };
};

/** The line the suite and `npm run fuzz` print. */
export const summaryLine = (report: FuzzReport) =>
  `${report.requests} solicitudes (${report.routes} rutas, ${report.actors} actores): ` +
  `${report.totals.fiveXX} 5xx, ${report.totals.leaks} fugas, ${report.totals.uncoded} sin código, ` +
  `${report.totals.crossArea} lecturas entre áreas`;
