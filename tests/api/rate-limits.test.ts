import request from 'supertest';
import { bootApp, type TestApp } from '../harness/app';
import { loginAsAdmin, TEST_PASSWORD } from '../harness/auth';
import { testDatabaseClient } from '../harness/database';
import { startInstance, type Instance } from '../harness/instance';

/**
 * Limits per client address (RATE_LIMIT_MAX), per account (RATE_LIMIT_ACCOUNT_MAX) and on wrong
 * calendar links (RATE_LIMIT_FEED_MAX). Behind TRUST_PROXY each test speaks from addresses of its
 * own, so the counters of one test never reach another.
 */
describe('límites de intentos que no se pueden esquivar', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await bootApp({
      env: {
        RATE_LIMIT_MAX: '5',
        RATE_LIMIT_ACCOUNT_MAX: '3',
        RATE_LIMIT_FEED_MAX: '3',
        RATE_LIMIT_WINDOW_MS: '600000',
        TRUST_PROXY: 'true',
      },
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  const expectHouse429 = (res: {
    status: number;
    headers: Record<string, string>;
    body: { data: unknown; error: Record<string, unknown> & { details: Record<string, unknown> } };
  }) => {
    expect(res.status).toBe(429);
    expect(res.body.data).toBeNull();
    expect(res.body.error).toMatchObject({
      status: 429,
      name: 'RateLimitError',
      message: expect.stringMatching(/Demasiados intentos.*Espera \d+ minuto/),
      details: { code: 'RATE_LIMITED', retryAfter: expect.any(Number) },
    });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(res.headers['retry-after'])).toBe(res.body.error.details.retryAfter);
  };

  it('las rutas de aprobación se cuentan igual en mayúsculas, con barras dobles o codificadas', async () => {
    const from = '203.0.113.21';
    const get = (path: string) => app.http().get(path).set('X-Forwarded-For', from);
    // Upper- and mixed-case spellings reach the approval route itself…
    for (const path of ['/API/APPROVALS/token-falso', '/Api/Approvals/token-falso/']) {
      const res = await get(path);
      expect(res.status).toBe(400);
      expect(res.body.error.details.code).toBe('LINK_INVALID');
    }
    // …and the doubled-slash, percent-encoded and dot-segment spellings count for the same door
    // whatever the router makes of them today.
    for (const path of [
      '//api//approvals/token-falso',
      '/api/%61pprovals/token-falso',
      '/api/./approvals/token-falso',
    ]) {
      expect((await get(path)).status).not.toBe(429);
    }
    // The sixth request is refused, in any spelling.
    expectHouse429(await get('/api/approvals/token-falso'));
    expectHouse429(await get('/API/APPROVALS/otro'));
    expectHouse429(await get('/api/approvals%2Fotro'));

    // The same upper-case path from another address on its own reaches the limit too.
    const other = (path: string) => app.http().get(path).set('X-Forwarded-For', '203.0.113.22');
    for (let i = 0; i < 5; i += 1) {
      expect((await other('/API/APPROVALS/x')).status).not.toBe(429);
    }
    expectHouse429(await other('/API/APPROVALS/x'));
  });

  it('30 cuentas distintas desde una dirección en /admin/login: a partir del sexto intento, 429', async () => {
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 30; i += 1) {
      last = await app
        .http()
        .post('/admin/login')
        .set('X-Forwarded-For', '203.0.113.31')
        .send({ email: `persona${i}@calimaya.local`, password: 'Incorrecta123' });
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(statuses.slice(5)).toEqual(Array(25).fill(429));
    expectHouse429(last!);
  });

  it('los fallos sobre una cuenta de personal la frenan también desde otras direcciones', async () => {
    const victim = await loginAsAdmin(app, 'strapi-super-admin', {
      email: 'victima.admin@calimaya.local',
    });
    const other = await loginAsAdmin(app, 'strapi-super-admin', {
      email: 'otra.admin@calimaya.local',
    });
    const login = (address: string, email: string, password: string) =>
      app.http().post('/admin/login').set('X-Forwarded-For', address).send({ email, password });

    // Given three wrong passwords for one account, each from a different address
    for (const address of ['198.51.100.41', '198.51.100.42', '198.51.100.43']) {
      expect((await login(address, victim.user.email, 'Incorrecta123')).status).toBe(400);
    }
    // When a fourth address tries it, even with the right password, the account is paused
    const paused = await login('198.51.100.44', 'VICTIMA.ADMIN@calimaya.local', TEST_PASSWORD);
    expectHouse429(paused);
    expect(paused.body.error.message).toMatch(/esta cuenta/);
    // Then someone else's account logs in from the attacker's own address
    expect((await login('198.51.100.41', other.user.email, TEST_PASSWORD)).status).toBe(200);
  });

  it('los inicios de sesión correctos no cuentan como fallos de la cuenta', async () => {
    const person = await loginAsAdmin(app, 'strapi-super-admin', {
      email: 'correcta.admin@calimaya.local',
    });
    // Four successful log-ins (one more than the failures allowed), each from its own address.
    for (const address of ['198.51.100.51', '198.51.100.52', '198.51.100.53', '198.51.100.54']) {
      const res = await app
        .http()
        .post('/admin/login')
        .set('X-Forwarded-For', address)
        .send({ email: person.user.email, password: TEST_PASSWORD });
      expect(res.status).toBe(200);
    }
  });

  it('/api/auth/local responde con el 429 de la casa, por dirección y por cuenta', async () => {
    const attempt = (address: string, identifier: string) =>
      app
        .http()
        .post('/api/auth/local')
        .set('X-Forwarded-For', address)
        .send({ identifier, password: 'Incorrecta123' });

    // Per address: five different accounts pass (and fail), the sixth request is refused.
    for (let i = 0; i < 5; i += 1) {
      expect((await attempt('192.0.2.61', `area${i}@calimaya.local`)).status).toBe(400);
    }
    expectHouse429(await attempt('192.0.2.61', 'area9@calimaya.local'));

    // Per account: three failures from three addresses, the fourth address is refused.
    for (const address of ['192.0.2.71', '192.0.2.72', '192.0.2.73']) {
      expect((await attempt(address, 'cuenta.area@calimaya.local')).status).toBe(400);
    }
    const refused = await attempt('192.0.2.74', 'Cuenta.Area@calimaya.local');
    expectHouse429(refused);
    expect(refused.body.error.message).toMatch(/esta cuenta/);
  });

  it('los enlaces de calendario con firma equivocada se frenan por dirección', async () => {
    const staff = await loginAsAdmin(app);
    const url: string = (
      await app.http().get('/comunicacion/calendar/feed').set(staff.auth).expect(200)
    ).body.data.url;
    const [path, id, signature] = /\/api\/comunicacion\/calendar\/(\d+)\.([^.]+)\.ics$/.exec(url)!;
    const flipped = signature.slice(0, -1) + (signature.endsWith('A') ? 'B' : 'A');
    const wrong = `/api/comunicacion/calendar/${id}.${flipped}.ics`;
    const get = (p: string, address: string) => app.http().get(p).set('X-Forwarded-For', address);

    // The right link works.
    expect((await get(path, '192.0.2.81')).status).toBe(200);
    // Three wrong signatures are "not found"; the fourth is refused with the house's 429.
    for (let i = 0; i < 3; i += 1) {
      expect((await get(wrong, '192.0.2.82')).status).toBe(404);
    }
    expectHouse429(await get(wrong, '192.0.2.82'));
    // From that address even the right link waits; from another it still works.
    expectHouse429(await get(path, '192.0.2.82'));
    expect((await get(path, '192.0.2.83')).status).toBe(200);
  });
});

const postgresOnly = testDatabaseClient() === 'postgres' ? describe : describe.skip;

postgresOnly('dos instancias sobre la misma base PostgreSQL comparten los contadores', () => {
  let app: TestApp;
  let second: Instance;
  let there: () => request.Agent;

  beforeAll(async () => {
    app = await bootApp({
      env: {
        RATE_LIMIT_MAX: '4',
        RATE_LIMIT_ACCOUNT_MAX: '3',
        RATE_LIMIT_WINDOW_MS: '600000',
        TRUST_PROXY: 'true',
      },
    });
    // A second Strapi process on the same database (same environment), serving HTTP.
    second = startInstance('second-instance.js', { action: 'serve' });
    const base = `http://127.0.0.1:${await second.port()}`;
    there = () => request.agent(base);
  });
  afterAll(async () => {
    await second?.stop();
    await app?.close();
  });

  const attempt = (agent: () => request.Agent, address: string, identifier: string) =>
    agent()
      .post('/api/auth/local')
      .set('X-Forwarded-For', address)
      .send({ identifier, password: 'Incorrecta123' });

  it('alternar de instancia no multiplica los intentos de una dirección', async () => {
    const here = () => app.http();
    const statuses: number[] = [];
    for (const [i, agent] of [here, there, here, there, here, there].entries()) {
      statuses.push((await attempt(agent, '203.0.113.90', `alterna${i}@calimaya.local`)).status);
    }
    expect(statuses).toEqual([400, 400, 400, 400, 429, 429]);
    const rows = await app.strapi.db.connection('rate_limits').count({ n: '*' }).first();
    expect(Number((rows as { n: number | string }).n)).toBeGreaterThan(0);
  });

  it('los fallos de una cuenta en una instancia la frenan también en la otra', async () => {
    const here = () => app.http();
    const account = 'compartida@calimaya.local';
    expect((await attempt(here, '203.0.113.91', account)).status).toBe(400);
    expect((await attempt(there, '203.0.113.92', account)).status).toBe(400);
    expect((await attempt(here, '203.0.113.93', account)).status).toBe(400);
    const refused = await attempt(there, '203.0.113.94', account);
    expect(refused.status).toBe(429);
    expect(refused.body.error.details.code).toBe('RATE_LIMITED');
  });
});
