import { bootApp, type TestApp } from '../harness/app';

/** Two failed log-ins from one client address, then one from another: the limit is one. */
const attempts = async (app: TestApp) => {
  const attempt = (address: string) =>
    app
      .http()
      .post('/api/auth/local')
      .set('X-Forwarded-For', address)
      .send({ identifier: 'nadie@calimaya.local', password: 'Incorrecta123' });
  return [
    (await attempt('203.0.113.10')).status,
    (await attempt('203.0.113.10')).status,
    (await attempt('198.51.100.7')).status,
  ];
};

describe('dirección del cliente detrás de un proxy (límites por persona)', () => {
  const env = { RATE_LIMIT_MAX: '1', RATE_LIMIT_WINDOW_MS: '600000' };

  it('con TRUST_PROXY cada dirección de X-Forwarded-For tiene su propio límite', async () => {
    const app = await bootApp({ env: { ...env, TRUST_PROXY: 'true' } });
    try {
      expect(await attempts(app)).toEqual([400, 429, 400]);
    } finally {
      await app.close();
    }
  });

  it('sin TRUST_PROXY la cabecera no se cree: cuenta la dirección de la conexión', async () => {
    const app = await bootApp({ env });
    try {
      expect(await attempts(app)).toEqual([400, 429, 429]);
    } finally {
      await app.close();
    }
  });
});
