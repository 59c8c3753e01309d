import type { Role } from '../../src/domain/workflows';
import type { TestApp } from '../harness/app';
import { loginAsApiUser, type Session } from '../harness/auth';
import {
  OFICIO_UID,
  areaId,
  createFile,
  fire,
  logsOf,
  stateOf,
  useStaffApp,
} from '../harness/workflow-fixtures';
import type {
  GetIntakeForm,
  GetItemForm,
  PreviewLeadTime,
  RegisterOficio,
} from '../../src/plugins/comunicacion/shared/contracts/intake';

type Form = GetIntakeForm.Response['data'];
type Registered = RegisterOficio.Response['data'];

/**
 * The text a PDF shows: pdfkit writes each run of text as hex strings inside `[...] TJ` arrays
 * (WinAnsi for the standard fonts), and the acuse is written uncompressed.
 */
const pdfText = (pdf: Buffer) => {
  const source = pdf.toString('latin1');
  const lines: string[] = [];
  for (const match of source.matchAll(/\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\]\s*TJ/g)) {
    const runs = [...match[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((hex) =>
      Buffer.from(hex[1], 'hex').toString('latin1')
    );
    lines.push(runs.join(''));
  }
  return lines.join('\n');
};

// Friday 13 November 2026, 10:00 in Mexico City; Monday 16 November is a holiday (SPEC §5).
const RECEIVED = '2026-11-13T16:00:00.000Z';

describe('registrar un oficio desde el plugin y completar sus datos', () => {
  let app: TestApp;
  let staff: Record<Role, Session>;
  useStaffApp((booted) => ({ app, staff } = booted));

  let form: Form;
  const areaOf = (shortName: string) => {
    const area = form.areas.find((entry) => entry.shortName === shortName);
    if (!area) throw new Error(`No está en el formulario: ${shortName}`);
    return area.documentId;
  };
  const countOficios = () => app.strapi.db.query(OFICIO_UID).count({});

  const register = (session: Session, body: Record<string, unknown>) =>
    app.http().post('/comunicacion/oficios').set(session.auth).send(body);

  /** Print design without its place, a late coverage and a complete web publication. */
  const threeServices = () => [
    {
      workflow: 'design',
      fields: {
        title: 'Cartel de la feria',
        medium: 'impreso',
        eventName: 'Feria del Elote',
        eventDate: '2026-12-20',
        eventTime: '10:00',
        specification: 'Cartel 60×90, colores institucionales',
        responsiblePerson: 'Mtra. Responsable',
        logos: [form.logos[0].documentId],
      },
    },
    {
      workflow: 'coverage-event',
      fields: {
        title: 'Cobertura de la inauguración',
        startsAt: '2026-11-18T16:00:00.000Z',
        endsAt: '2026-11-18T18:00:00.000Z',
        place: 'Jardín principal',
        deliverables: ['fotos', 'boletin_prensa'],
      },
    },
    {
      workflow: 'web-publication',
      fields: {
        title: 'Aviso de la feria',
        section: 'avisos',
        body: 'La feria se celebra en el jardín principal.',
        wantedDate: '2026-11-30',
      },
    },
  ];

  const oficioBody = (services: unknown[]) => ({
    area: areaOf('DC'),
    senderReference: 'DC/300/2026',
    receivedAt: RECEIVED,
    channel: 'fisico',
    subject: 'Feria del Elote 2026',
    addressedTo: 'presidencia',
    copiedTo: ['direccion'],
    requester: { name: 'Lic. Solicitante', phone: '722 000 1111' },
    services,
  });

  beforeAll(async () => {
    const res = await app
      .http()
      .get('/comunicacion/intake/form')
      .set(staff.coordinador_comunicacion.auth)
      .expect(200);
    form = res.body.data;
  });

  it('el formulario ofrece áreas, logotipos y, por servicio, solo los datos del área en español', () => {
    expect(form.areas.length).toBeGreaterThan(5);
    expect(form.logos.length).toBeGreaterThan(0);
    expect(form.channels).toEqual(
      expect.arrayContaining([{ value: 'fisico', label: 'Físico (en ventanilla)' }])
    );
    const design = form.services.find((service) => service.workflow === 'design')!;
    const names = design.fields.map((field) => field.name);
    expect(names).toEqual(expect.arrayContaining(['eventDate', 'place', 'logos']));
    for (const system of ['workflowStatus', 'dueAt', 'assignees', 'proposals', 'leadTimeMet']) {
      expect(names).not.toContain(system);
    }
    expect(design.fields.find((field) => field.name === 'place')).toMatchObject({
      label: 'Lugar',
      required: true,
    });
    expect(design.fields.find((field) => field.name === 'medium')?.options).toEqual([
      { value: 'impreso', label: 'Material de imprenta' },
      { value: 'digital', label: 'Arte digital (redes sociales)' },
    ]);
    const coverage = form.services.find((service) => service.workflow === 'coverage-event')!;
    expect(coverage.fields.map((field) => field.name)).not.toContain('crew');
    expect(coverage.fields.find((field) => field.name === 'deliverables')).toMatchObject({
      kind: 'multi',
      options: expect.arrayContaining([{ value: 'fotos', label: 'Fotografías' }]),
    });
  });

  describe('un oficio con tres servicios y un dato faltante', () => {
    let registered: Registered;
    let galleryId: string;

    it('se registra (201) con folio y queda en «Información incompleta» nombrando el dato', async () => {
      const scan = await createFile(app, 'oficio-dc-300.pdf');
      const before = await countOficios();
      const res = await register(staff.coordinador_comunicacion, {
        ...oficioBody(threeServices()),
        scan: scan.id,
      }).expect(201);
      registered = res.body.data;

      expect(await countOficios()).toBe(before + 1);
      expect(registered).toMatchObject({
        folio: expect.stringMatching(/^DCSGD\/\d{4}\/2026$/),
        receivedAt: RECEIVED,
        receptionDay: '2026-11-13',
        status: 'informacion_incompleta',
        statusLabel: 'Información incompleta',
      });
      expect(registered.missingInformation).toContain('Diseño "Cartel de la feria": falta lugar');
      const [design, coverage, web] = registered.services;
      expect(design.missing).toEqual([{ name: 'place', label: 'lugar' }]);
      expect(design.message).toMatch(/no pide anticipación/);
      // The coverage's event is before the earliest allowed date, Thursday 19 November.
      expect(coverage).toMatchObject({
        leadTimeMet: false,
        earliestAllowedDate: '2026-11-19',
        message: expect.stringMatching(/^Extemporáneo/),
        missing: [],
      });
      expect(web).toMatchObject({ leadTimeMet: true, status: 'recibida', missing: [] });

      // The requester's contact is the oficio's private data.
      const stored = (await app.strapi.db.query(OFICIO_UID).findOne({
        where: { documentId: registered.documentId },
        populate: { scan: true, acuse: true },
      })) as Record<string, unknown>;
      expect(stored).toMatchObject({
        requesterName: 'Lic. Solicitante',
        requesterPhone: '722 000 1111',
        channel: 'fisico',
        scan: { id: scan.id },
        acuse: { mime: 'application/pdf' },
      });
    });

    it('el paso a «Información incompleta» queda en la bitácora con el motivo', async () => {
      const logs = await logsOf(app, registered.documentId);
      expect(logs.map((log) => [log.fromStatus, log.toStatus])).toEqual([
        [null, 'recibido'],
        ['recibido', 'informacion_incompleta'],
      ]);
      expect(logs[1].comment).toContain('falta lugar');
    });

    it('el acuse de recibo (PDF) lleva el folio, la hora de recepción y cada servicio', async () => {
      const res = await app
        .http()
        .get(`/comunicacion/oficios/${registered.documentId}/acuse`)
        .set(staff.coordinador_comunicacion.auth)
        .buffer(true)
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toContain(
        `acuse-${registered.folio.replace(/\//g, '-')}.pdf`
      );
      const text = pdfText(res.body as Buffer);
      expect(text).toContain(registered.folio);
      expect(text).toContain('viernes 13 de noviembre de 2026, 10:00 h');
      expect(text).toContain('Cobertura de evento: Cobertura de la inauguración');
      expect(text).toMatch(/Extemporáneo/);
    });

    it('el formulario del diseño muestra sus datos, lo que falta y qué se puede cambiar', async () => {
      const design = registered.services[0];
      const res = await app
        .http()
        .get(`/comunicacion/items/design/${design.documentId}/form`)
        .set(staff.coordinador_comunicacion.auth)
        .expect(200);
      const data = res.body.data as GetItemForm.Response['data'];
      expect(data).toMatchObject({
        workflowLabel: 'Diseño',
        status: 'pendiente',
        oficio: { folio: registered.folio, status: 'informacion_incompleta' },
        missing: [{ name: 'place', label: 'lugar' }],
      });
      expect(data.fields.find((field) => field.name === 'logos')).toMatchObject({
        value: [form.logos[0].documentId],
        editable: true,
        // Named from the catalogue, for staff who cannot open the registration form.
        options: expect.arrayContaining([
          { value: form.logos[0].documentId, label: form.logos[0].name },
        ]),
      });
      expect(data.fields.map((field) => field.name)).not.toContain('workflowStatus');
    });

    it('al completar el lugar, el oficio vuelve a «Recibido» («Información completada»)', async () => {
      const design = registered.services[0];
      const res = await app
        .http()
        .put(`/comunicacion/items/design/${design.documentId}`)
        .set(staff.coordinador_comunicacion.auth)
        .send({ fields: { place: 'Jardín principal' } })
        .expect(200);
      expect(res.body.data).toMatchObject({
        service: { missing: [], status: 'pendiente' },
        oficio: { status: 'recibido', statusLabel: 'Recibido' },
      });
      expect(await stateOf(app, 'oficio', registered.documentId)).toBe('recibido');
      const logs = await logsOf(app, registered.documentId);
      expect(logs.at(-1)).toMatchObject({
        fromStatus: 'informacion_incompleta',
        toStatus: 'recibido',
      });
    });

    it('un dato mal escrito al completar se rechaza en español y no cambia nada', async () => {
      const design = registered.services[0];
      const res = await app
        .http()
        .put(`/comunicacion/items/design/${design.documentId}`)
        .set(staff.coordinador_comunicacion.auth)
        .send({ fields: { eventDate: '20 de diciembre' } })
        .expect(400);
      expect(res.body.error).toMatchObject({
        message: expect.stringMatching(/Fecha del evento no es una fecha válida/),
        details: { code: 'INVALID_REQUEST', fields: ['eventDate'] },
      });
    });

    it('agrega una difusión al oficio: avisa que faltan menos de 8 días naturales', async () => {
      const res = await app
        .http()
        .post(`/comunicacion/oficios/${registered.documentId}/services`)
        .set(staff.coordinador_comunicacion.auth)
        .send({
          workflow: 'social-post',
          fields: { title: 'Difusión de la feria', eventDate: '2026-11-18' },
        })
        .expect(201);
      expect(res.body.data).toMatchObject({
        oficioStatus: 'recibido',
        service: {
          workflow: 'social-post',
          status: 'borrador',
          leadTimeMet: false,
          warning: expect.stringMatching(/al menos 8 días naturales/),
        },
      });
    });

    it('agregar un servicio sin sus datos devuelve el oficio a «Información incompleta»', async () => {
      const res = await app
        .http()
        .post(`/comunicacion/oficios/${registered.documentId}/services`)
        .set(staff.coordinador_comunicacion.auth)
        .send({ workflow: 'web-publication', fields: { title: 'Galería de la feria' } })
        .expect(201);
      galleryId = res.body.data.service.documentId;
      expect(res.body.data).toMatchObject({
        oficioStatus: 'informacion_incompleta',
        service: {
          missing: expect.arrayContaining([
            { name: 'wantedDate', label: 'fecha deseada de publicación' },
          ]),
        },
      });
    });

    it('«Información completada» se rechaza mientras un servicio no tiene sus datos, nombrándolos', async () => {
      const res = await fire(app, 'plugin', {
        workflow: 'oficio',
        documentId: registered.documentId,
        to: 'recibido',
        comment: 'Ya llegó todo',
        role: 'coordinador_comunicacion',
        session: staff.coordinador_comunicacion,
      });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({
        message: expect.stringContaining(
          'Falta información para iniciar el trabajo: Publicación en el sitio web "Galería de la ' +
            'feria": falta sección del sitio, fecha deseada de publicación, texto o archivos.'
        ),
        details: { code: 'MISSING_DATA' },
      });
      expect(await stateOf(app, 'oficio', registered.documentId)).toBe('informacion_incompleta');
    });

    it('con sección, texto y fecha deseada de la publicación, el oficio vuelve a «Recibido»', async () => {
      const res = await app
        .http()
        .put(`/comunicacion/items/web-publication/${galleryId}`)
        .set(staff.coordinador_gobierno_digital.auth)
        .send({
          fields: {
            section: 'galeria',
            wantedDate: '2026-12-15',
            body: 'Fotografías de la feria.',
          },
        })
        .expect(200);
      expect(res.body.data).toMatchObject({
        service: { missing: [], leadTimeMet: true },
        oficio: { status: 'recibido' },
      });
    });

    it('una vez iniciado el trabajo, sus datos de solicitud ya no se cambian desde aquí', async () => {
      const design = registered.services[0];
      await app
        .http()
        .post('/comunicacion/transitions')
        .set(staff.disenador_senior.auth)
        .send({ uid: 'api::design.design', documentId: design.documentId, to: 'en_diseno' })
        .expect(200);
      const res = await app
        .http()
        .get(`/comunicacion/items/design/${design.documentId}/form`)
        .set(staff.disenador_senior.auth)
        .expect(200);
      const data = res.body.data as GetItemForm.Response['data'];
      expect(data.status).toBe('en_diseno');
      expect(data.fields.every((field) => !field.editable)).toBe(true);
      const refused = await app
        .http()
        .put(`/comunicacion/items/design/${design.documentId}`)
        .set(staff.coordinador_comunicacion.auth)
        .send({ fields: { place: 'Auditorio municipal' } })
        .expect(400);
      expect(refused.body.error).toMatchObject({
        message: expect.stringMatching(
          /^El trabajo ya empezó \(«En diseño»\): «Lugar» ya no se cambia/
        ),
        details: { code: 'READONLY_FIELD' },
      });
    });

    it('quien no puede ver el diseño no abre su formulario', async () => {
      await app
        .http()
        .get(`/comunicacion/items/design/${registered.services[0].documentId}/form`)
        .set(staff.fotografo.auth)
        .expect(404);
    });
  });

  it('un(a) diseñador(a) no registra oficios (403) y no se escribe nada', async () => {
    const before = await countOficios();
    await register(staff.disenador_senior, oficioBody(threeServices())).expect(403);
    expect(await countOficios()).toBe(before);
  });

  it.each([
    ['un área que no existe', { area: 'no-existe' }, /No existe el área solicitante/],
    [
      'un servicio desconocido',
      { services: [{ workflow: 'impresion-3d', fields: { title: 'Maqueta' } }] },
      /servicio desconocido «impresion-3d»/,
    ],
    [
      'un campo que el servicio no tiene',
      { services: [{ workflow: 'coverage-event', fields: { title: 'Cobertura', crew: [1] } }] },
      /campo no admitido: crew/,
    ],
    [
      'una fecha imposible',
      {
        services: [
          { workflow: 'web-publication', fields: { title: 'Aviso', wantedDate: '2026-13-45' } },
        ],
      },
      /Fecha deseada de publicación no es una fecha válida/,
    ],
    [
      'una fecha fuera del calendario de días hábiles',
      {
        services: [
          { workflow: 'web-publication', fields: { title: 'Aviso', wantedDate: '9999-12-31' } },
        ],
      },
      /está fuera del calendario de días hábiles \(2000 a 2100\)/,
    ],
    ['una recepción futura', { receivedAt: '2099-01-01T10:00:00Z' }, /no puede ser posterior/],
  ])('rechaza %s con 400 en español y no escribe nada', async (_name, change, message) => {
    const before = await countOficios();
    const res = await register(staff.coordinador_comunicacion, {
      ...oficioBody(threeServices()),
      ...change,
    }).expect(400);
    expect(res.body.error.message).toMatch(message);
    expect(res.body.error.details.code).toBe('INVALID_REQUEST');
    expect(await countOficios()).toBe(before);
  });

  it('material de imprenta con un oficio que no va a Presidencia con copia a la Dirección: falta eso', async () => {
    const design = threeServices()[0];
    (design.fields as Record<string, unknown>).place = 'Jardín principal';
    const { addressedTo: _to, copiedTo: _copy, ...body } = oficioBody([design]);
    const res = await register(staff.coordinador_comunicacion, body).expect(201);
    const registered = res.body.data as Registered;
    expect(registered.status).toBe('informacion_incompleta');
    expect(registered.services[0].missing).toEqual([]);
    expect(registered.missingInformation).toBe(
      'Falta información para iniciar el trabajo: Oficio: dirigido a Presidencia Municipal con ' +
        'copia a la Dirección (material de imprenta).'
    );
    const completed = {
      workflow: 'oficio' as const,
      documentId: registered.documentId,
      to: 'recibido',
      comment: 'Información completada',
      role: 'coordinador_comunicacion' as const,
      session: staff.coordinador_comunicacion,
    };
    const refused = await fire(app, 'plugin', completed);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({
      message: expect.stringContaining('Oficio: dirigido a Presidencia Municipal'),
      details: { code: 'MISSING_DATA' },
    });
    await app.strapi.db.query(OFICIO_UID).update({
      where: { documentId: registered.documentId },
      data: { addressedTo: 'presidencia', copiedTo: ['direccion'] },
    });
    expect((await fire(app, 'plugin', completed)).status).toBe(200);
    expect(await stateOf(app, 'oficio', registered.documentId)).toBe('recibido');
  });

  it('el acuse de un oficio incompleto dice qué falta y deja por definir la fecha que depende de ello', async () => {
    const res = await register(staff.coordinador_comunicacion, {
      ...oficioBody([
        {
          workflow: 'web-publication',
          fields: { title: 'Aviso sin fecha', section: 'avisos', body: 'Aviso a la población.' },
        },
      ]),
    }).expect(201);
    const registered = res.body.data as Registered;
    expect(registered.status).toBe('informacion_incompleta');
    const pdf = await app
      .http()
      .get(`/comunicacion/oficios/${registered.documentId}/acuse`)
      .set(staff.coordinador_comunicacion.auth)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const text = pdfText(pdf.body as Buffer)
      .replace(/\s+/g, ' ')
      .trim();
    expect(text).toContain('Información faltante');
    expect(text).toContain(
      'Publicación en el sitio web "Aviso sin fecha": falta fecha deseada de publicación.'
    );
    expect(text).toContain('Fecha compromiso: por definir');
    expect(text).not.toMatch(
      /Fecha compromiso: (lunes|martes|miércoles|jueves|viernes|sábado|domingo)/
    );
  });

  it('una regla que falla a mitad del registro deshace todo (logotipo retirado)', async () => {
    const retired = await app.strapi
      .documents('api::logo.logo')
      .create({ data: { name: 'Logotipo retirado', active: false } as never });
    const before = await countOficios();
    const services = threeServices();
    (services[0].fields as Record<string, unknown>).logos = [retired.documentId];
    const res = await register(staff.coordinador_comunicacion, oficioBody(services)).expect(400);
    expect(res.body.error.details.code).toBe('INACTIVE_LOGO');
    expect(await countOficios()).toBe(before);
  });

  it('no agrega servicios a un oficio cerrado (OFICIO_CLOSED)', async () => {
    const res = await register(staff.coordinador_comunicacion, {
      ...oficioBody([threeServices()[2]]),
    }).expect(201);
    const documentId = (res.body.data as Registered).documentId;
    await app
      .http()
      .post('/comunicacion/transitions')
      .set(staff.coordinador_comunicacion.auth)
      .send({
        uid: OFICIO_UID,
        documentId,
        to: 'cancelado',
        comment: 'El área retiró la solicitud por escrito.',
      })
      .expect(200);
    const refused = await app
      .http()
      .post(`/comunicacion/oficios/${documentId}/services`)
      .set(staff.coordinador_comunicacion.auth)
      .send({ workflow: 'advisory', fields: { title: 'Asesoría', topic: 'Identidad' } })
      .expect(400);
    expect(refused.body.error.details.code).toBe('OFICIO_CLOSED');
    expect(refused.body.error.message).toMatch(/El oficio está cerrado/);
  });

  it('un oficio que presenta el área por su cuenta también guarda su acuse de recibo', async () => {
    const cultura = await loginAsApiUser(app, 'Área solicitante', {
      data: { area: await areaId(app, 'DC') },
    });
    const res = await app
      .http()
      .post('/api/oficios')
      .set(cultura.auth)
      .send({
        data: {
          subject: 'Aviso de la feria',
          services: [{ type: 'web-publication', title: 'Aviso', section: 'avisos' }],
        },
      })
      .expect(201);
    // The area's door keeps its answer; what the area left blank waits for its portal.
    expect(res.body.data).toMatchObject({
      workflowStatus: 'recibido',
      services: [
        {
          missing: [
            { name: 'wantedDate', label: 'fecha deseada de publicación' },
            { name: 'body', label: 'texto o archivos' },
          ],
        },
      ],
    });
    expect(res.body.data).not.toHaveProperty('acuse');
    const stored = (await app.strapi.db.query(OFICIO_UID).findOne({
      where: { documentId: res.body.data.documentId },
      populate: { acuse: true },
    })) as { acuse?: { name: string } | null };
    expect(stored.acuse?.name).toBe(`acuse-${String(res.body.data.folio).replace(/\//g, '-')}.pdf`);
  });

  it('la vista previa del plazo dice extemporáneo o a tiempo sin escribir nada', async () => {
    const before = await countOficios();
    const res = await app
      .http()
      .post('/comunicacion/intake/lead-time')
      .set(staff.coordinador_comunicacion.auth)
      .send({
        receivedAt: RECEIVED,
        services: [
          { workflow: 'design', fields: { medium: 'digital', eventDate: '2026-11-18' } },
          { workflow: 'design', fields: { medium: 'digital', eventDate: '2026-11-19' } },
          { workflow: 'coverage-event', fields: {} },
        ],
      })
      .expect(200);
    const data = res.body.data as PreviewLeadTime.Response['data'];
    expect(data.receptionDay).toBe('2026-11-13');
    expect(data.services).toMatchObject([
      {
        leadTimeMet: false,
        earliestAllowedDate: '2026-11-19',
        message: expect.stringMatching(/^Extemporáneo/),
      },
      {
        leadTimeMet: true,
        earliestAllowedDate: '2026-11-19',
        message: expect.stringMatching(/^Cumple el plazo/),
      },
      {
        leadTimeMet: null,
        earliestAllowedDate: '2026-11-19',
        message: expect.stringMatching(/^Sin fecha todavía/),
      },
    ]);
    expect(await countOficios()).toBe(before);
  });
});
