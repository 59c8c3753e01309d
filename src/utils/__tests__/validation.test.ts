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
});
