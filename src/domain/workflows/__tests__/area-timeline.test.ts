import { areaTimelineEntry } from '../area-timeline';

const OFICIO = 'api::oficio.oficio';
const DESIGN = 'api::design.design';
const AT = '2031-01-10T16:00:00.000Z';

const log = (fields: Record<string, unknown>) => ({
  subjectUid: OFICIO,
  subjectTitle: 'DCSGD/0001/2031',
  actorRoles: ['coordinador_comunicacion'],
  at: AT,
  ...fields,
});

describe('la historia que lee el área', () => {
  it('muestra la petición de información faltante con su texto', () => {
    expect(
      areaTimelineEntry(
        log({
          fromStatus: 'recibido',
          toStatus: 'informacion_incompleta',
          comment: 'Falta el lugar.',
        })
      )
    ).toEqual({
      at: AT,
      kind: 'message',
      subject: 'Oficio',
      text: 'La Dirección pide información: pasó a «Información incompleta».',
      comment: 'Falta el lugar.',
    });
  });

  it('muestra el cambio de estado de un paso interno, sin su comentario', () => {
    expect(
      areaTimelineEntry(
        log({ fromStatus: 'recibido', toStatus: 'en_atencion', comment: 'Nota para el equipo' })
      )
    ).toMatchObject({ kind: 'state', text: 'Pasó a «En atención».', comment: null });
  });

  it('muestra el motivo de una cancelación o de un rechazo', () => {
    expect(
      areaTimelineEntry(
        log({ fromStatus: 'recibido', toStatus: 'rechazado', comment: 'Duplicado' })
      )
    ).toMatchObject({ kind: 'message', comment: 'Duplicado' });
    expect(
      areaTimelineEntry(
        log({
          subjectUid: DESIGN,
          subjectTitle: 'Cartel',
          fromStatus: 'pendiente',
          toStatus: 'cancelado',
          comment: 'Se suspendió',
        })
      )
    ).toMatchObject({ subject: 'Diseño «Cartel»', comment: 'Se suspendió' });
  });

  it('muestra la nota que acompaña una propuesta y las observaciones del área', () => {
    expect(
      areaTimelineEntry(
        log({
          subjectUid: DESIGN,
          fromStatus: 'en_diseno',
          toStatus: 'en_revision',
          comment: 'Primera versión',
        })
      )
    ).toMatchObject({ kind: 'message', comment: 'Primera versión' });
    expect(
      areaTimelineEntry(
        log({
          subjectUid: DESIGN,
          fromStatus: 'en_revision',
          toStatus: 'con_observaciones',
          actorRoles: ['area'],
          comment: 'Más grande el logo',
        })
      )
    ).toMatchObject({
      kind: 'message',
      text: 'Tu área lo pasó a «Con observaciones».',
      comment: 'Más grande el logo',
    });
  });

  it('el registro de un servicio no lleva el comentario del sistema', () => {
    expect(
      areaTimelineEntry(
        log({
          subjectUid: DESIGN,
          fromStatus: null,
          toStatus: 'pendiente',
          actorRoles: ['system'],
          comment: 'Solicitado en el oficio DCSGD/0001/2031',
        })
      )
    ).toMatchObject({ kind: 'state', text: 'Se registró: «Pendiente».', comment: null });
  });

  it('un registro de otro tipo no aparece', () => {
    expect(areaTimelineEntry(log({ subjectUid: 'api::logo.logo', toStatus: 'x' }))).toBeNull();
  });
});
