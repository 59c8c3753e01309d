import { shown, type Names } from '../timeline-values';

const names: Names = new Map([
  [
    'api::logo.logo',
    new Map([
      ['1', 'Ayuntamiento de Calimaya'],
      ['2', 'DIF'],
    ]),
  ],
  ['plugin::upload.file', new Map([['7', 'respuesta.pdf']])],
  ['api::area.area', new Map([['3', 'Dirección de Cultura']])],
  ['admin::user', new Map([['4', 'Diana Diseñadora']])],
]);

const component = (name: string) => ({ type: 'component', component: name });

describe('valores del historial en español', () => {
  it('las pausas del trabajo se leen en español, en hora de la Ciudad de México', () => {
    const json = { type: 'json' };
    expect(
      shown(
        [{ from: '2026-12-06T11:09:00.000Z', to: null, cause: 'oficio' }],
        'pauses',
        json,
        names
      )
    ).toBe('En pausa desde el 06/12/2026 05:09 (el oficio espera información)');
    expect(
      shown(
        [
          { from: '2026-12-01T15:00:00.000Z', to: '2026-12-03T00:30:00.000Z', cause: 'oficio' },
          { from: '2026-12-06T11:09:00.000Z', to: null },
        ],
        'pauses',
        json,
        names
      )
    ).toBe(
      'Pausa del 01/12/2026 09:00 al 02/12/2026 18:30 (el oficio espera información); ' +
        'En pausa desde el 06/12/2026 05:09'
    );
    expect(shown([], 'pauses', json, names)).toBeNull();
  });

  it('una lista de logotipos se lee con sus nombres, en su orden', () => {
    expect(
      shown([{ logo: '1' }, { logo: '2' }], 'logos', component('workflow.logo-choice'), names)
    ).toBe('Ayuntamiento de Calimaya, DIF');
  });

  it('un oficio de entrega se lee «Oficio 123 del 05/12/2026»', () => {
    expect(
      shown(
        [{ number: '123', date: '2026-12-05', document: '7', receivedBy: null }],
        'delivery',
        component('workflow.delivery-oficio'),
        names
      )
    ).toBe('Oficio 123 del 05/12/2026');
    expect(
      shown(
        [{ number: 'DCSGD/0001/2026', date: '2026-12-05', receivedBy: 'Lic. Pérez' }],
        'delivery',
        component('workflow.delivery-oficio'),
        names
      )
    ).toBe('Oficio DCSGD/0001/2026 del 05/12/2026 (recibió Lic. Pérez)');
  });

  it('las versiones de propuesta dicen cuándo se enviaron y qué decidió el área', () => {
    expect(
      shown(
        [
          {
            version: 1,
            file: '7',
            sentAt: '2026-12-04T18:00:00.000Z',
            decision: 'observaciones',
            feedback: 'Cambiar el color',
            decidedAt: '2026-12-05T18:00:00.000Z',
            decidedBy: 'Mtra. Responsable',
          },
          { version: 2, file: '7', sentAt: null, decision: null },
        ],
        'proposals',
        component('workflow.proposal-version'),
        names
      )
    ).toBe(
      'Versión 1 enviada el 04/12/2026 (con observaciones por Mtra. Responsable); Versión 2 sin enviar'
    );
  });

  it('códigos, relaciones, archivos, sí/no y listas se leen con nombres; sin JSON', () => {
    expect(shown('fisico', 'channel', { type: 'enumeration' }, names)).toBe('Físico');
    expect(shown(['fotos', 'boletin_prensa'], 'deliverables', { type: 'json' }, names)).toBe(
      'Fotografías, Boletín de prensa'
    );
    expect(shown(['presidencia'], 'copiedTo', { type: 'json' }, names)).toBe(
      'Presidencia Municipal'
    );
    expect(shown('3', 'area', { type: 'relation', target: 'api::area.area' }, names)).toBe(
      'Dirección de Cultura'
    );
    expect(shown(['4', '9'], 'assignees', { type: 'relation', target: 'admin::user' }, names)).toBe(
      'Diana Diseñadora, #9'
    );
    expect(shown('7', 'scan', { type: 'media' }, names)).toBe('respuesta.pdf');
    expect(shown(true, 'isLate', { type: 'boolean' }, names)).toBe('Sí');
    expect(shown(false, 'isLate', { type: 'boolean' }, names)).toBe('No');
    expect(shown(null, 'subject', { type: 'string' }, names)).toBeNull();
    expect(shown([], 'logos', component('workflow.logo-choice'), names)).toBeNull();
    // Dates stay ISO: the page formats them like the rest of the page.
    expect(shown('2026-12-05', 'eventDate', { type: 'date' }, names)).toBe('2026-12-05');
    expect(shown('x'.repeat(300), 'body', { type: 'text' }, names)).toHaveLength(160);
  });
});
