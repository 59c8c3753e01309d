import { BusinessCalendar, lftHolidays } from '../../calendar';
import {
  buildDigests,
  coordinatorRolesFor,
  dedupeKeys,
  designerRoleFor,
  digestTime,
  dueBucket,
  monitorWindow,
  noticeForTransition,
  reminderWindow,
  type DigestItem,
} from '../rules';
import {
  assigned,
  digest,
  escapeHtml,
  informationRequested,
  lateRequest,
  longDate,
  oficioAdminUrl,
  oficioAnswered,
  oficioPortalUrl,
  proposalForReview,
  workDelivered,
} from '../templates';

const calendar = new BusinessCalendar([...lftHolidays(2026), ...lftHolidays(2027)]);

const item = (over: Partial<DigestItem>): DigestItem => ({
  workflow: 'design',
  status: 'en_diseno',
  medium: 'digital',
  areaKind: 'dependencia',
  documentId: 'd1',
  title: 'Cartel',
  dueAt: '2026-11-18',
  people: [],
  ...over,
});

describe('who hears about a state change', () => {
  it('tells the area of a proposal for review and of delivered or published work', () => {
    expect(noticeForTransition('design', 'en_diseno', 'en_revision')).toEqual({
      kind: 'proposal-for-review',
    });
    for (const [workflow, to] of [
      ['design', 'entregado'],
      ['design', 'publicado'],
      ['coverage-event', 'publicada'],
      ['coverage-event', 'entregada'],
      ['social-post', 'publicada'],
      ['web-publication', 'publicada'],
      ['transparency-document', 'publicada'],
      ['email-account-request', 'entregada'],
    ] as const) {
      expect(noticeForTransition(workflow, 'x', to)).toEqual({ kind: 'work-delivered' });
    }
  });

  it('tells the area when its oficio is answered and when the office asks for missing data', () => {
    expect(noticeForTransition('oficio', 'en_atencion', 'atendido')).toEqual({
      kind: 'oficio-answered',
    });
    expect(noticeForTransition('oficio', 'recibido', 'informacion_incompleta')).toEqual({
      kind: 'information-requested',
    });
    expect(noticeForTransition('oficio', 'recibido', 'en_atencion')).toBeNull();
    expect(noticeForTransition('oficio', 'informacion_incompleta', 'recibido')).toBeNull();
    expect(dedupeKeys.answered('of1', ' Area@Calimaya.gob.mx ')).toBe(
      'answered:of1:area@calimaya.gob.mx'
    );
  });

  it('tells the designer of observations and stays quiet on ordinary moves', () => {
    expect(noticeForTransition('design', 'en_revision', 'con_observaciones')).toEqual({
      kind: 'observations',
    });
    expect(noticeForTransition('design', 'pendiente', 'en_diseno')).toBeNull();
    expect(noticeForTransition('web-publication', 'publicada', 'verificada')).toBeNull();
    expect(noticeForTransition('email-account-request', 'solicitada', 'autorizada')).toBeNull();
  });

  it('routes designs without assignee to the senior or junior designer', () => {
    expect(designerRoleFor('dependencia')).toBe('disenador_senior');
    expect(designerRoleFor('presidencia')).toBe('disenador_senior');
    expect(designerRoleFor('organismo_auxiliar')).toBe('disenador_junior');
  });

  it('finds the coordinators of the queues an item sits in', () => {
    expect(coordinatorRolesFor({ workflow: 'design', status: 'pendiente' })).toEqual([
      'coordinador_comunicacion',
    ]);
    expect(
      coordinatorRolesFor({
        workflow: 'design',
        status: 'pendiente',
        areaKind: 'organismo_auxiliar',
      }).sort()
    ).toEqual(['coordinador_comunicacion', 'coordinador_organismos']);
    expect(coordinatorRolesFor({ workflow: 'web-publication', status: 'recibida' })).toEqual([
      'coordinador_gobierno_digital',
    ]);
    expect(
      coordinatorRolesFor({ workflow: 'email-account-request', status: 'solicitada' })
    ).toEqual(['coordinador_gobierno_digital']);
    // en_revision waits on the area: no queue with a coordinator, so the workflow's coordinators.
    expect(coordinatorRolesFor({ workflow: 'design', status: 'en_revision' })).toContain(
      'coordinador_comunicacion'
    );
  });
});

describe('digest', () => {
  it('buckets due dates: overdue, today, later this week, nothing after Sunday', () => {
    // Wednesday 18 November 2026.
    expect(dueBucket('2026-11-17', '2026-11-18')).toBe('overdue');
    expect(dueBucket('2026-11-18', '2026-11-18')).toBe('today');
    expect(dueBucket('2026-11-22', '2026-11-18')).toBe('week');
    expect(dueBucket('2026-11-23', '2026-11-18')).toBeNull();
    expect(dueBucket(null, '2026-11-18')).toBeNull();
  });

  it('goes out from 08:00 Mexico City', () => {
    expect(digestTime(7 * 60 + 59)).toBe(false);
    expect(digestTime(8 * 60)).toBe(true);
    expect(digestTime(23 * 60 + 59)).toBe(true);
  });

  it('gives assignees their items and coordinators and the Director their queues', () => {
    const today = '2026-11-18';
    const items = [
      item({ documentId: 'a', title: 'Cartel', dueAt: '2026-11-17', people: [1] }),
      item({ documentId: 'b', title: 'Lona', dueAt: '2026-11-18', people: [] }),
      item({
        documentId: 'c',
        workflow: 'web-publication',
        status: 'en_analisis',
        title: 'Convocatoria',
        dueAt: '2026-11-20',
        people: [2],
      }),
      item({ documentId: 'd', title: 'Futuro', dueAt: '2026-12-01', people: [1] }),
    ];
    const digests = buildDigests(
      items,
      [
        { id: 1, roles: ['disenador_senior'] },
        { id: 2, roles: ['auxiliar_gobierno_digital'] },
        { id: 3, roles: ['coordinador_comunicacion'] },
        { id: 4, roles: ['director'] },
        { id: 5, roles: ['fotografo'] },
      ],
      today
    );
    const of = (id: number) => digests.find((d) => d.userId === id);
    expect(of(1)).toMatchObject({ overdue: [{ documentId: 'a' }], today: [], week: [] });
    expect(of(2)).toMatchObject({ overdue: [], today: [], week: [{ documentId: 'c' }] });
    expect(of(3)).toMatchObject({
      overdue: [{ documentId: 'a' }],
      today: [{ documentId: 'b' }],
      week: [],
    });
    expect(of(4)?.week.map((i) => i.documentId)).toEqual(['c']);
    expect(of(4)?.overdue.map((i) => i.documentId)).toEqual(['a']);
    // Nothing to say: no digest.
    expect(of(5)).toBeUndefined();
  });

  it('renders a Spanish digest with counts and escapes HTML', () => {
    const message = digest({
      name: 'Ana <Diseño>',
      date: '2026-11-18',
      overdue: [
        item({ title: '<script>x</script>', dueAt: '2026-11-17', folio: 'DCSGD/0001/2026' }),
      ],
      today: [],
      week: [],
      baseUrl: 'https://cs.calimaya.gob.mx/',
    });
    expect(message.subject).toBe(
      'Resumen del miércoles 18 de noviembre de 2026: 1 vencido, 0 para hoy, 0 esta semana'
    );
    expect(message.text).toContain('Diseño «<script>x</script>» (DCSGD/0001/2026)');
    expect(message.html).not.toContain('<script>');
    expect(message.html).toContain('&lt;script&gt;');
    expect(message.html).toContain('Ana &lt;Diseño&gt;');
    expect(message.html).toContain('href="https://cs.calimaya.gob.mx/admin/plugins/comunicacion"');
  });
});

describe('reminders and overdue alerts', () => {
  it('reminds on business days of items due up to N business days ahead', () => {
    // Friday 13 November 2026; Monday 16 is a holiday.
    expect(reminderWindow(calendar, '2026-11-13', 1)).toEqual({
      from: '2026-11-13',
      to: '2026-11-17',
    });
    expect(reminderWindow(calendar, '2026-11-14', 1)).toBeNull();
    expect(reminderWindow(calendar, '2026-11-16', 1)).toBeNull();
    expect(reminderWindow(calendar, '2026-11-17', 2)).toEqual({
      from: '2026-11-17',
      to: '2026-11-19',
    });
  });

  it('reads a bounded window of due dates', () => {
    expect(monitorWindow(calendar, '2026-11-18', 1)).toEqual({
      from: '2026-08-20',
      to: '2026-11-22',
    });
    // Friday with reminders reaching past Sunday.
    expect(monitorWindow(calendar, '2026-11-20', 2).to).toBe('2026-11-24');
  });

  it('keys each message once per person and day, or per item and due date', () => {
    expect(dedupeKeys.digest(7, '2026-11-18')).toBe('digest:7:2026-11-18');
    expect(dedupeKeys.reminder('design', 'abc', '2026-11-19', 7)).toBe(
      'reminder:design:abc:2026-11-19:7'
    );
    expect(dedupeKeys.overdue('design', 'abc', '2026-11-19', 7)).not.toBe(
      dedupeKeys.overdue('design', 'abc', '2026-11-20', 7)
    );
  });
});

describe('templates', () => {
  const base = 'https://cs.calimaya.gob.mx';
  const ref = {
    workflow: 'design' as const,
    documentId: 'd1',
    title: 'Cartel "Feria" & más',
    folio: 'DCSGD/0007/2026',
    oficioDocumentId: 'of1',
    areaName: 'Dirección de Cultura',
    dueAt: '2026-11-19',
    status: 'en_diseno',
  };

  it('escapes every HTML special character', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;'
    );
  });

  it('writes dates the Mexican way and links to the oficio in the panel', () => {
    expect(longDate('2026-11-16')).toBe('lunes 16 de noviembre de 2026');
    expect(oficioAdminUrl(`${base}/`, 'of1')).toBe(
      `${base}/admin/plugins/comunicacion/oficios/of1`
    );
  });

  it('sends the area the approval link of the proposal', () => {
    const message = proposalForReview({
      item: ref,
      approvalUrl: `${base}/aprobacion/?t=a.b`,
      expiresAt: '2026-11-25T10:00:00.000Z',
    });
    expect(message.subject).toBe('Propuesta de diseño para su revisión: Cartel "Feria" & más');
    expect(message.text).toContain(`${base}/aprobacion/?t=a.b`);
    expect(message.text).toContain('vence el miércoles 25 de noviembre de 2026');
    expect(message.html).toContain('Cartel &quot;Feria&quot; &amp; más');
    expect(message.html).not.toContain('/admin/');
  });

  it('tells the area what was delivered and a person what was assigned', () => {
    expect(workDelivered({ item: ref, to: 'publicado' }).subject).toMatch(/^Diseño publicado: /);
    const notice = assigned({ item: ref, by: 'Coordinación', baseUrl: base });
    expect(notice.subject).toBe('Se te asignó: Cartel "Feria" & más');
    expect(notice.text).toContain('Vence el jueves 19 de noviembre de 2026.');
    expect(notice.text).toContain(`${base}/admin/plugins/comunicacion/oficios/of1`);
  });

  it('asks coordinators to accept a late request', () => {
    const message = lateRequest({
      folio: 'DCSGD/0007/2026',
      oficioDocumentId: 'of1',
      areaName: 'Cultura',
      reason: 'Cartel: la fecha pedida es 2026-11-17',
      baseUrl: base,
    });
    expect(message.subject).toBe('Solicitud extemporánea por aceptar: oficio DCSGD/0007/2026');
    expect(message.body).toBe('Cartel: la fecha pedida es 2026-11-17');
  });

  it('links the area to its oficio in the Portal de áreas', () => {
    expect(oficioPortalUrl(`${base}/`, 'a b')).toBe(`${base}/areas/oficio.html?id=a%20b`);
    const message = proposalForReview({
      item: ref,
      approvalUrl: `${base}/aprobacion/?t=x`,
      portalUrl: oficioPortalUrl(base, 'of1'),
    });
    expect(message.text).toContain(
      `También puede revisarla en el Portal de áreas: ${base}/areas/oficio.html?id=of1`
    );
  });

  it('tells the area its oficio was answered, naming the attached answer', () => {
    const portalUrl = oficioPortalUrl(base, 'of1');
    const withFile = oficioAnswered({
      folio: 'DCSGD/0007/2026',
      subject: 'Difusión <feria>',
      responseFolio: 'DCSGD/0007/2026-R1',
      responseDate: '2026-11-20',
      attachmentName: 'respuesta.pdf',
      portalUrl,
    });
    expect(withFile.subject).toBe('Oficio DCSGD/0007/2026 atendido');
    expect(withFile.text).toContain('atendió el oficio DCSGD/0007/2026 («Difusión <feria>»).');
    expect(withFile.text).toContain('Folio de la respuesta: DCSGD/0007/2026-R1.');
    expect(withFile.text).toContain('Fecha de la respuesta: viernes 20 de noviembre de 2026.');
    expect(withFile.text).toContain('Se adjunta el oficio de respuesta (respuesta.pdf).');
    expect(withFile.html).toContain('«Difusión &lt;feria&gt;»');
    expect(withFile.html).toContain(`<a href="${portalUrl}">`);
    const without = oficioAnswered({ folio: 'DCSGD/0007/2026', portalUrl });
    expect(without.text).not.toContain('Se adjunta');
    expect(without.text).toContain('estará disponible en el Portal de áreas');
  });

  it('tells the area what its oficio is missing, once, with the link to complete it', () => {
    const portalUrl = oficioPortalUrl(base, 'of1');
    const message = informationRequested({
      folio: 'DCSGD/0007/2026',
      missing: 'El horario del evento.',
      lacking: 'Falta información para iniciar el trabajo: arte digital «Cartel»: hora.',
      portalUrl,
    });
    expect(message.subject).toBe('Falta información en su oficio DCSGD/0007/2026');
    expect(message.text).toContain('Lo que falta: El horario del evento.');
    expect(message.text).toContain('arte digital «Cartel»: hora.');
    expect(message.text).toContain(`Completar la información en el Portal de áreas: ${portalUrl}`);
    const same = informationRequested({
      folio: 'DCSGD/0007/2026',
      missing: 'X.',
      lacking: 'X.',
      portalUrl,
    });
    expect(same.text.match(/X\./g)).toHaveLength(1);
  });
});
