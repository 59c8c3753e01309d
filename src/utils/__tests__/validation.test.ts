import { yup } from '@strapi/utils';
import { WRONG_TYPE_MESSAGE, validateInput } from '../validation';

const schema = yup.object({ name: yup.string().trim().required('Indica el nombre.') });

const refusal = async (body: unknown) => {
  try {
    await validateInput(schema, body);
  } catch (error) {
    return error as { message: string; details: { code: string } };
  }
  throw new Error('se esperaba un rechazo');
};

describe('validateInput: toda negativa en español con INVALID_REQUEST', () => {
  it('devuelve los datos limpios cuando son válidos', async () => {
    await expect(validateInput(schema, { name: '  Cultura ' })).resolves.toEqual({
      name: 'Cultura',
    });
  });

  it('usa el mensaje del esquema', async () => {
    expect(await refusal({})).toMatchObject({
      message: 'Indica el nombre.',
      details: { code: 'INVALID_REQUEST' },
    });
  });

  it('un objeto donde va un texto (trim() de yup falla) también se niega en español', async () => {
    expect(await refusal({ name: { $ne: null } })).toMatchObject({
      message: WRONG_TYPE_MESSAGE,
      details: { code: 'INVALID_REQUEST' },
    });
  });

  it('un campo que el esquema no admite se niega (no se descarta en silencio), también anidado', async () => {
    const strictSchema = yup
      .object({
        name: yup.string().trim(),
        contact: yup
          .object({ phone: yup.string() })
          .noUnknown(true, 'Campo no admitido en el contacto: ${unknown}.'),
        page: yup.number(),
      })
      .noUnknown(true, 'Campo no admitido: ${unknown}.');
    await expect(validateInput(strictSchema, { name: ' A ', page: '2' })).resolves.toMatchObject({
      name: 'A',
      page: 2,
    });
    await expect(validateInput(strictSchema, { name: 'A', nmae: 'B' })).rejects.toMatchObject({
      message: 'Campo no admitido: nmae.',
      details: { code: 'INVALID_REQUEST', fields: ['nmae'] },
    });
    await expect(
      validateInput(strictSchema, { contact: { phone: '1', fax: '2' } })
    ).rejects.toMatchObject({ message: 'Campo no admitido en el contacto: fax.' });
    const plain = yup.object({ page: yup.number() }).noUnknown();
    await expect(validateInput(plain, { page: '1', sort: 'x' })).rejects.toMatchObject({
      message: 'Campo no admitido: sort.',
    });
  });
});
