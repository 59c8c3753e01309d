import { bootApp, type TestApp } from '../harness/app';
import { loginAsApiUser } from '../harness/auth';
import { runInternal } from '../harness/runtime';
import { areaId, createOficio } from '../harness/workflow-fixtures';

/** Values planted in private fields: none may ever reach a public answer. */
const SECRETS = {
  phone: '722 999 8877',
  email: 'particular@correo-privado.mx',
  address: 'Calle Privada 123, Calimaya',
  notes: 'NOTA-INTERNA-CONFIDENCIAL',
  comment: 'COMENTARIO-DE-TRANSICION',
  evidence: 'EVIDENCIA-PRIVADA',
};

/** Attributes the municipal site may show, per content type; everything else is closed to it. */
const PUBLIC_ATTRIBUTES: Record<string, readonly string[]> = {
  'api::web-publication.web-publication': [
    'title',
    'slug',
    'section',
    'summary',
    'body',
    'isNews',
    'cover',
    'attachments',
  ],
  'api::transparency-document.transparency-document': [
    'title',
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
    'body',
    'file',
    'attachments',
  ],
  'api::privacy-notice.privacy-notice': ['title', 'body', 'updatedOn'],
};
/** Keys every answer may carry whatever its type. */
const ENVELOPE = new Set([
  'data',
  'meta',
  'pagination',
  'page',
  'pageSize',
  'pageCount',
  'total',
  'id',
  'documentId',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'locale',
  'error',
]);
/** Keys of uploaded files (cover, attachments, file). */
const MEDIA_KEYS = new Set([
  'name',
  'alternativeText',
  'caption',
  'width',
  'height',
  'formats',
  'hash',
  'ext',
  'mime',
  'size',
  'url',
  'previewUrl',
  'provider',
  'provider_metadata',
  'focalPoint',
  'isUrlSigned',
  'thumbnail',
  'small',
  'medium',
  'large',
  'path',
  'sizeInBytes',
]);

const keysOf = (value: unknown, into = new Set<string>()): Set<string> => {
  if (Array.isArray(value)) value.forEach((v) => keysOf(v, into));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      into.add(key);
      keysOf(v, into);
    }
  }
  return into;
};

describe('ninguna respuesta pública lleva datos que no son para el público', () => {
  let app: TestApp;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    app = await bootApp();
    const oficio = await createOficio(app);
    await runInternal(() =>
      app.strapi.documents('api::oficio.oficio').update({
        documentId: oficio.documentId,
        data: {
          requesterName: 'Persona Solicitante',
          requesterPhone: SECRETS.phone,
          requesterEmail: SECRETS.email,
          requesterAddress: SECRETS.address,
          internalNotes: SECRETS.notes,
          transitionComment: SECRETS.comment,
        } as never,
      })
    );
    ids['api::oficio.oficio'] = oficio.documentId;
    for (const uid of [
      'api::web-publication.web-publication',
      'api::transparency-document.transparency-document',
    ]) {
      const created = await app.strapi
        .documents(uid as 'api::web-publication.web-publication')
        .create({
          data: {
            title: `Público ${uid}`,
            body: 'Texto público',
            oficio: oficio.documentId,
          } as never,
        });
      await runInternal(async () => {
        await app.strapi.documents(uid as 'api::web-publication.web-publication').update({
          documentId: created.documentId,
          data: {
            workflowStatus: 'lista',
            internalNotes: SECRETS.notes,
            verificationEvidence: { note: SECRETS.evidence },
            withdrawalReason: SECRETS.notes,
            mentionsPublicServant: true,
          } as never,
        });
        await app.strapi
          .documents(uid as 'api::web-publication.web-publication')
          .publish({ documentId: created.documentId });
      });
      ids[uid] = created.documentId;
    }
    const design = await app.strapi.documents('api::design.design').create({
      data: {
        title: 'Diseño',
        medium: 'digital',
        oficio: oficio.documentId,
        contactPhone: SECRETS.phone,
      } as never,
    });
    ids['api::design.design'] = design.documentId;
    await loginAsApiUser(app, 'Área solicitante', {
      data: { area: await areaId(app, 'DC') },
      email: 'enlace.cultura@calimaya.local',
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('recorre todas las rutas GET de la API de contenido sin sesión', async () => {
    const routes = (
      app.strapi.server.api('content-api').listRoutes() as { path: string; methods: string[] }[]
    )
      .filter((route) => route.methods.includes('GET'))
      .map((route) => route.path);
    expect(routes.length).toBeGreaterThan(10);

    const allowedKeys = new Set<string>([
      ...ENVELOPE,
      ...MEDIA_KEYS,
      ...Object.values(PUBLIC_ATTRIBUTES).flat(),
      // The business calendar's own answers.
      'date',
      'endDate',
      'source',
      'from',
      'receptionDay',
      'days',
      'businessDay',
      'reason',
      // users-permissions' provider list.
      'email',
      'icon',
      'enabled',
      'key',
      'secret',
      'callback',
      'scope',
    ]);
    const uidForPath = (path: string) =>
      Object.keys(ids).find((uid) => path.startsWith(`/api/${uid.split('.')[1]}s`));

    const visited: string[] = [];
    for (const route of routes) {
      const uid = uidForPath(route);
      const path = route.replace(':id', uid ? ids[uid] : 'no-existe').replace(/:[a-zA-Z]+/g, 'x');
      const query = path.startsWith('/api/business-calendar')
        ? { year: '2027', from: '2027-03-01', days: '3', date: '2027-03-01' }
        : { populate: '*', status: 'draft' };
      const res = await app.http().get(path).query(query);
      visited.push(`${res.status} ${path}`);
      expect([200, 204, 400, 401, 403, 404, 405]).toContain(res.status);
      if (res.status !== 200) continue;

      const text = JSON.stringify(res.body);
      for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
      const unexpected = [...keysOf(res.body)].filter((key) => !allowedKeys.has(key));
      expect({ path, unexpected }).toEqual({ path, unexpected: [] });
    }
    // The closed ones really are closed.
    expect(visited).toEqual(
      expect.arrayContaining([expect.stringMatching(/^403 \/api\/oficios$/)])
    );
    expect(visited).toEqual(
      expect.arrayContaining([expect.stringMatching(/^403 \/api\/designs$/)])
    );
    expect(visited).toEqual(
      expect.arrayContaining([expect.stringMatching(/^200 \/api\/web-publications$/)])
    );
  });

  it('en el esquema, cada dato personal o interno es privado', () => {
    const mustBePrivate: Record<string, string[]> = {
      'api::oficio.oficio': [
        'requesterName',
        'requesterPhone',
        'requesterEmail',
        'requesterAddress',
        'internalNotes',
        'transitionComment',
        'pauses',
        'lateAcceptedBy',
      ],
      'api::area.area': ['contactEmail', 'contactPhone'],
      'api::design.design': [
        'contactPhone',
        'officeAddress',
        'assignees',
        'internalNotes',
        'transitionComment',
        'pauses',
      ],
      'api::coverage-event.coverage-event': ['crew', 'assignees', 'internalNotes'],
      'api::email-account-request.email-account-request': [
        'personName',
        'personPosition',
        'assignees',
        'verificationFile',
      ],
      'api::web-publication.web-publication': [
        'verificationEvidence',
        'responseDocument',
        'withdrawalReason',
        'internalNotes',
      ],
      'api::transition-log.transition-log': ['actorId', 'actorName', 'actorRoles', 'comment'],
      'api::advisory.advisory': ['notes', 'followUps', 'internalNotes'],
    };
    for (const [uid, fields] of Object.entries(mustBePrivate)) {
      const attributes = app.strapi.contentType(uid as 'api::oficio.oficio').attributes as Record<
        string,
        { private?: boolean }
      >;
      for (const field of fields)
        expect({ uid, field, private: attributes[field]?.private }).toEqual({
          uid,
          field,
          private: true,
        });
    }
  });
});
