import { translateError } from '../error-translation';

describe('traducción de las negativas', () => {
  it('deja intacta una negativa propia (con código)', () => {
    const own = translateError({
      status: 400,
      name: 'ValidationError',
      message: 'Falta «Asunto».',
      details: { code: 'MISSING_DATA', fields: ['subject'] },
    });
    expect(own).toEqual({
      status: 400,
      name: 'ValidationError',
      message: 'Falta «Asunto».',
      details: { code: 'MISSING_DATA', fields: ['subject'] },
    });
  });

  it.each([
    [400, 'Invalid identifier or password', 'INVALID_CREDENTIALS', /contraseña no son correctos/],
    [400, 'Invalid credentials', 'INVALID_CREDENTIALS', /contraseña no son correctos/],
    [400, 'Your account has been blocked by an administrator', 'ACCOUNT_BLOCKED', /bloqueada/],
    [400, 'Invalid key requesterPhone', 'INVALID_QUERY', /«requesterPhone»/],
    [400, 'Unexpected token b in JSON at position 1', 'INVALID_BODY', /JSON válido/],
    [400, 'Object contains forbidden prototype property', 'INVALID_BODY', /reservado/],
    [400, 'Invalid format, expected yyyy-MM-dd', 'INVALID_REQUEST', /AAAA-MM-DD/],
    [413, 'request entity too large', 'PAYLOAD_TOO_LARGE', /demasiado grande/],
    [403, 'Policy Failed', 'FORBIDDEN', /permiso/],
    [403, 'Forbidden', 'FORBIDDEN', /permiso/],
    [401, 'Missing or invalid credentials', 'UNAUTHORIZED', /iniciar sesión/],
    [404, 'Not Found', 'NOT_FOUND', /No se encontró/],
    [405, 'Method Not Allowed', 'METHOD_NOT_ALLOWED', /método/],
    [429, 'Too many requests, please try again later.', 'RATE_LIMITED', /Demasiados intentos/],
  ])('%i «%s» → %s en español', (status, message, code, spanish) => {
    const error = translateError({ status, message });
    expect(error.details.code).toBe(code);
    expect(error.message).toMatch(spanish);
  });

  it('la paginación no válida se reconoce por el nombre del error', () => {
    const error = translateError({
      status: 400,
      name: 'PaginationError',
      message: "Invalid 'page' parameter. Expected an integer > 0, received: x",
    });
    expect(error.details.code).toBe('INVALID_QUERY');
    expect(error.message).toMatch(/paginación/);
  });

  it('conserva «User not active», que el panel compara al pie de la letra, y le pone código', () => {
    const error = translateError({ status: 401, message: 'User not active' });
    expect(error).toMatchObject({
      message: 'User not active',
      details: { code: 'USER_NOT_ACTIVE' },
    });
  });

  it('los errores de campos de yup conservan su ruta y se explican en español', () => {
    const error = translateError({
      status: 400,
      name: 'ValidationError',
      message: '2 errors occurred',
      details: {
        errors: [
          {
            path: ['identifier'],
            message: 'identifier is a required field',
            name: 'ValidationError',
          },
          { path: ['password'], message: 'password must be a `string` type' },
        ],
      },
    });
    expect(error.details.code).toBe('INVALID_REQUEST');
    expect(error.message).toBe('Hay 2 datos no válidos; el primero: Falta «Correo o usuario».');
    expect(error.details.errors).toEqual([
      expect.objectContaining({
        path: ['identifier'],
        message: 'Falta «Correo o usuario».',
        name: 'ValidationError',
      }),
      expect.objectContaining({ path: ['password'], message: '«Contraseña» debe ser un texto.' }),
    ]);
  });

  it('un 500 nunca deja salir su mensaje ni sus detalles', () => {
    const error = translateError({
      status: 500,
      message: 'select * from "oficios" where … relation does not exist',
      details: { stack: 'at knex …' },
    });
    expect(error).toEqual({
      status: 500,
      name: 'InternalServerError',
      message: expect.stringMatching(/error inesperado/),
      details: { code: 'INTERNAL_ERROR' },
    });
  });

  it('lo desconocido se redacta según su estado', () => {
    expect(translateError({ status: 400, message: 'Something odd' })).toMatchObject({
      message: 'La solicitud no es válida.',
      details: { code: 'INVALID_REQUEST' },
    });
    expect(translateError({ status: 418 }).details.code).toBe('INVALID_REQUEST');
    expect(translateError({ status: 503 }).details.code).toBe('UNAVAILABLE');
  });
});
