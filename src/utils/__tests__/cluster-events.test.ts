import type { Core } from '@strapi/strapi';
import {
  CLUSTER_TOPICS,
  createClusterEvents,
  decodeMessage,
  encodeMessage,
  reconnectDelay,
} from '../cluster-events';

describe('avisos entre instancias: el mensaje', () => {
  it('lo que se codifica se lee igual', () => {
    for (const topic of CLUSTER_TOPICS) {
      const message = { topic, origin: 'instancia-a' };
      expect(decodeMessage(encodeMessage(message))).toEqual(message);
    }
  });

  it.each([
    ['vacío', ''],
    ['nulo', null],
    ['con JSON roto', '{"topic":'],
    ['que es un número', '42'],
    ['de un tema desconocido', '{"topic":"otra-cosa","origin":"a"}'],
    ['sin origen', '{"topic":"site"}'],
    ['con un origen que no es texto', '{"topic":"site","origin":7}'],
  ])('descarta un aviso %s', (_name, payload) => {
    expect(decodeMessage(payload)).toBeNull();
  });

  it('los reintentos esperan cada vez el doble, de 100 ms hasta 10 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map(reconnectDelay)).toEqual([
      100, 200, 400, 800, 1600, 3200, 6400, 10_000,
    ]);
    expect(reconnectDelay(1000)).toBe(10_000);
  });
});

/** An instance on SQLite: no listener, delivery in this process only. */
const sqliteStrapi = (inTransaction: boolean) => {
  const commit: Array<() => void> = [];
  const rollback: Array<() => void> = [];
  const strapi = {
    config: { get: () => ({ client: 'sqlite', connection: { filename: ':memory:' } }) },
    log: { error: jest.fn(), warn: jest.fn(), debug: jest.fn(), info: jest.fn() },
    db: {
      dialect: { client: 'sqlite' },
      inTransaction: () => inTransaction,
      transaction: async (
        fn: (params: {
          onCommit(cb: () => void): void;
          onRollback(cb: () => void): void;
        }) => unknown
      ) => fn({ onCommit: (cb) => commit.push(cb), onRollback: (cb) => rollback.push(cb) }),
      connection: { raw: jest.fn() },
    },
  };
  return {
    strapi: strapi as unknown as Core.Strapi,
    commit,
    rollback,
    raw: strapi.db.connection.raw,
  };
};

describe('avisos entre instancias en SQLite: solo esta instancia', () => {
  it('un aviso llega a quienes escuchan su tema, y a nadie más', async () => {
    const { strapi, raw } = sqliteStrapi(false);
    const bus = createClusterEvents(strapi);
    const site = jest.fn();
    const calendar = jest.fn();
    bus.subscribe('site', site);
    bus.subscribe('calendar', calendar);
    await bus.start();

    await bus.publish('site');

    expect(site).toHaveBeenCalledTimes(1);
    expect(calendar).not.toHaveBeenCalled();
    expect(raw).not.toHaveBeenCalled();
    expect(bus.status()).toMatchObject({ listening: false, pid: null, connects: 0 });
    await bus.close();
  });

  it('dentro de una transacción llega al momento y otra vez al terminarla', async () => {
    const { strapi, commit, rollback } = sqliteStrapi(true);
    const bus = createClusterEvents(strapi);
    const calendar = jest.fn();
    bus.subscribe('calendar', calendar);

    await bus.publish('calendar');
    expect(calendar).toHaveBeenCalledTimes(1);
    commit.forEach((cb) => cb());
    expect(calendar).toHaveBeenCalledTimes(2);
    rollback.forEach((cb) => cb());
    expect(calendar).toHaveBeenCalledTimes(3);
  });

  it('quien deja de escuchar ya no recibe; un oyente que falla no detiene a los demás', async () => {
    const { strapi } = sqliteStrapi(false);
    const bus = createClusterEvents(strapi);
    const failing = jest.fn(() => {
      throw new Error('falla');
    });
    const kept = jest.fn();
    const dropped = jest.fn();
    bus.subscribe('site', failing);
    bus.subscribe('site', kept);
    const unsubscribe = bus.subscribe('site', dropped);
    unsubscribe();

    await bus.publish('site');

    expect(failing).toHaveBeenCalledTimes(1);
    expect(kept).toHaveBeenCalledTimes(1);
    expect(dropped).not.toHaveBeenCalled();
    expect(strapi.log.error).toHaveBeenCalledTimes(1);
  });
});
