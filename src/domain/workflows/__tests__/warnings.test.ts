import { itemWarnings } from '../warnings';

const SETTINGS = { promotionLeadCalendarDays: 8 };

describe('avisos que no bloquean el trabajo', () => {
  it('la difusión pedida con menos de 8 días naturales avisa, con el evento y la fecha recomendable', () => {
    expect(
      itemWarnings(
        {
          workflow: 'social-post',
          status: 'borrador',
          leadTimeMet: false,
          eventDate: '2027-01-08',
          earliestAllowedDate: '2027-01-12',
        },
        SETTINGS
      )
    ).toEqual([
      'Difusión con menos de 8 días naturales de anticipación: el evento es el viernes 8 de ' +
        'enero de 2027 y lo recomendable era a partir del martes 12 de enero de 2027. Es un ' +
        'aviso: el trabajo puede seguir.',
    ]);
  });

  it('cuenta los días que diga la configuración', () => {
    const [warning] = itemWarnings(
      { workflow: 'social-post', status: 'programada', leadTimeMet: 0 },
      { promotionLeadCalendarDays: 10 }
    );
    expect(warning).toBe(
      'Difusión con menos de 10 días naturales de anticipación. Es un aviso: el trabajo puede seguir.'
    );
  });

  it('sin aviso a tiempo, sin fecha de evento conocida, una vez cerrada, o en otro servicio', () => {
    const post = { workflow: 'social-post' as const, status: 'borrador' };
    expect(itemWarnings({ ...post, leadTimeMet: true }, SETTINGS)).toEqual([]);
    expect(itemWarnings({ ...post, leadTimeMet: null }, SETTINGS)).toEqual([]);
    expect(itemWarnings({ ...post, status: 'publicada', leadTimeMet: false }, SETTINGS)).toEqual(
      []
    );
    expect(itemWarnings({ ...post, status: 'cancelada', leadTimeMet: false }, SETTINGS)).toEqual(
      []
    );
    expect(
      itemWarnings({ workflow: 'design', status: 'pendiente', leadTimeMet: false }, SETTINGS)
    ).toEqual([]);
  });
});
