import { PERSONAL_FIELDS } from '../audit';
import {
  CONTACT_ROLES,
  PERSONAL_FIELDS_BY_TYPE,
  fieldsHiddenFrom,
  keepsPersonalData,
  personalFieldsOf,
} from '../staff-access';

const DESIGN = 'api::design.design';
const OFICIO = 'api::oficio.oficio';

describe('lo que cada rol del personal lee', () => {
  it('los coordinadores y la dirección leen los datos del solicitante y las notas internas', () => {
    for (const role of CONTACT_ROLES) {
      expect(fieldsHiddenFrom(role, OFICIO, false)).toEqual([]);
      expect(fieldsHiddenFrom(role, DESIGN, false)).toEqual([]);
    }
  });

  it('quien no atiende un tipo no lee sus datos personales ni sus notas internas', () => {
    expect(fieldsHiddenFrom('community_manager', DESIGN, false)).toEqual([
      'contactPhone',
      'officeAddress',
      'internalNotes',
      'delivery.document',
    ]);
    expect(fieldsHiddenFrom('fotografo', OFICIO, false)).toEqual([
      'requesterName',
      'requesterPhone',
      'requesterEmail',
      'requesterAddress',
      'internalNotes',
    ]);
  });

  it('quien atiende un tipo conserva sus campos; el dato personal se decide por asignación', () => {
    expect(fieldsHiddenFrom('disenador_senior', DESIGN, true)).toEqual([]);
    expect(keepsPersonalData(['disenador_senior'], true)).toBe(true);
    expect(keepsPersonalData(['disenador_senior'], false)).toBe(false);
    expect(keepsPersonalData(['fotografo', 'coordinador_comunicacion'], false)).toBe(true);
  });

  it('todo dato personal de un tipo se enmascara también en la bitácora', () => {
    const fields = Object.values(PERSONAL_FIELDS_BY_TYPE).flat();
    expect(fields.length).toBeGreaterThan(0);
    for (const field of fields) expect(PERSONAL_FIELDS.has(field)).toBe(true);
    expect(personalFieldsOf('api::holiday.holiday')).toEqual([]);
  });
});
