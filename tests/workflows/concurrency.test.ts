import type { UID } from '@strapi/strapi';
import request from 'supertest';
import { bootApp, type TestApp } from '../harness/app';
import { loginAsAdmin, type Session } from '../harness/auth';
import { testDatabaseClient } from '../harness/database';
import { startInstance, type Instance } from '../harness/instance';
import { runAs, runExpecting } from '../harness/runtime';
import {
  LOG_UID,
  actorFor,
  completeData,
  createOficio,
  stateOf,
} from '../harness/workflow-fixtures';
import { STATUS_FIELD, WORKFLOW_UIDS } from '../../src/domain/workflows';

/*
 * Two writers on one item: a transition reads the state it starts from with the item held, so of
 * two conflicting transitions fired at the same moment exactly one wins and the other is told
 * (409 CONCURRENT_CHANGE) which state it found; and whatever the order, every item's log leads to
 * the state it is in.
 */

const DESIGN = WORKFLOW_UIDS.design as UID.ContentType;
const PAIRS = 10;

interface Answer {
  status: number;
  body: { error?: { message: string; details?: { code?: string; found?: string } } };
}

type Send = (body: Record<string, unknown>) => Promise<Answer>;

const sender =
  (agent: () => request.Agent, session: Session): Send =>
  async (body) => {
    const res = await agent().post('/comunicacion/transitions').set(session.auth).send(body);
    return { status: res.status, body: res.body };
  };

const pendingDesign = async (app: TestApp) => {
  const oficio = await createOficio(app);
  const design = await app.strapi.documents(DESIGN).create({
    data: { ...completeData('design', 0), oficio: oficio.documentId } as never,
  });
  return design.documentId;
};

const logsOf = async (app: TestApp, documentId: string) =>
  (await app.strapi.db.query(LOG_UID).findMany({
    where: { subjectDocumentId: documentId },
    orderBy: { id: 'asc' },
  })) as { fromStatus: string | null; toStatus: string }[];

/** The log read in order is an unbroken chain from the creation to the state the item is in. */
const expectLogLeadsToState = async (app: TestApp, documentId: string) => {
  const logs = await logsOf(app, documentId);
  expect(logs.length).toBeGreaterThan(0);
  logs.forEach((record, i) => {
    expect(record.fromStatus).toBe(i === 0 ? null : logs[i - 1].toStatus);
  });
  expect(logs[logs.length - 1].toStatus).toBe(await stateOf(app, 'design', documentId));
  return logs;
};

/** Fires both transitions of each pair at the same moment; returns the answers of each pair. */
const race = async (
  app: TestApp,
  [first, second]: [Send, Send],
  targets: [Record<string, unknown>, Record<string, unknown>]
) => {
  const designs = await Promise.all(Array.from({ length: PAIRS }, () => pendingDesign(app)));
  const answers = await Promise.all(
    designs.map((documentId) =>
      Promise.all([
        first({ uid: DESIGN, documentId, ...targets[0] }),
        second({ uid: DESIGN, documentId, ...targets[1] }),
      ])
    )
  );
  return designs.map((documentId, i) => ({ documentId, answers: answers[i] }));
};

const START = { to: 'en_diseno', from: 'pendiente' };
const CANCEL = {
  to: 'cancelado',
  from: 'pendiente',
  comment: 'El área canceló el evento por lluvia.',
};

const expectOneWinnerEach = async (
  app: TestApp,
  results: Awaited<ReturnType<typeof race>>,
  targets: [Record<string, unknown>, Record<string, unknown>]
) => {
  for (const { documentId, answers } of results) {
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([200, 409]);
    const winner = answers.findIndex((answer) => answer.status === 200);
    const loser = answers[1 - winner];
    expect(loser.body.error?.details?.code).toBe('CONCURRENT_CHANGE');
    expect(loser.body.error?.message).toMatch(/Mientras tanto otro cambio movió este registro/);
    expect(loser.body.error?.details?.found).toBe(targets[winner].to);
    const logs = await expectLogLeadsToState(app, documentId);
    // Creation, then the one transition that won: nothing started from a state nobody saw.
    expect(logs.map((record) => record.toStatus)).toEqual(['pendiente', targets[winner].to]);
  }
};

describe('dos escrituras a la vez sobre el mismo servicio', () => {
  let app: TestApp;
  let director: Session;

  beforeAll(async () => {
    app = await bootApp();
    director = await loginAsAdmin(app, 'strapi-super-admin');
  });
  afterAll(async () => {
    await app?.close();
  });

  it('«Iniciar diseño» y «Cancelar» a la vez: gana uno, el otro recibe 409 con el estado que encontró', async () => {
    const send = sender(app.http, director);
    const targets: [Record<string, unknown>, Record<string, unknown>] = [START, CANCEL];
    await expectOneWinnerEach(app, await race(app, [send, send], targets), targets);
  });

  it('el mismo cambio dos veces a la vez se aplica una sola vez', async () => {
    const send = sender(app.http, director);
    const targets: [Record<string, unknown>, Record<string, unknown>] = [START, START];
    await expectOneWinnerEach(app, await race(app, [send, send], targets), targets);
  });

  it('quien actuó sobre un estado que ya cambió recibe 409 aunque la transición sea posible', async () => {
    const documentId = await pendingDesign(app);
    const send = sender(app.http, director);
    expect((await send({ uid: DESIGN, documentId, ...START })).status).toBe(200);
    // «Cancelar» is allowed from «En diseño» too, but this person chose it on «Pendiente».
    const stale = await send({ uid: DESIGN, documentId, ...CANCEL });
    expect(stale.status).toBe(409);
    expect(stale.body.error?.details).toMatchObject({
      code: 'CONCURRENT_CHANGE',
      expected: 'pendiente',
      found: 'en_diseno',
    });
    expect(await stateOf(app, 'design', documentId)).toBe('en_diseno');

    // A `from` that is not a state name is refused in Spanish before anything is read.
    const odd = await send({ uid: DESIGN, documentId, to: 'cancelado', from: { $ne: 'x' } });
    expect(odd.status).toBe(400);
    expect(odd.body.error).toMatchObject({
      message: 'El estado de origen (from) debe ser un texto.',
      details: { code: 'INVALID_REQUEST' },
    });
  });

  it('el motor compara el estado esperado con el que encuentra al tener el servicio retenido', async () => {
    // Both writes are past any check made before their transaction: only the engine can tell.
    const designs = await Promise.all(Array.from({ length: PAIRS }, () => pendingDesign(app)));
    const move = (documentId: string, to: string, comment: string) =>
      runAs(
        actorFor('director'),
        () =>
          runExpecting(documentId, 'pendiente', () =>
            app.strapi
              .documents(DESIGN)
              .update({ documentId, data: { [STATUS_FIELD]: to } as never })
          ),
        comment
      ).then(
        () => ({ status: 200, found: null }),
        (error: { status?: number; details?: { code?: string; found?: string } }) => ({
          status: error.status ?? 500,
          code: error.details?.code,
          found: error.details?.found,
        })
      );
    for (const documentId of designs) {
      const outcomes = await Promise.all([
        move(documentId, 'en_diseno', 'Inicio'),
        move(documentId, 'cancelado', CANCEL.comment),
      ]);
      expect(outcomes.map((outcome) => outcome.status).sort()).toEqual([200, 409]);
      const loser = outcomes.find((outcome) => outcome.status === 409);
      expect(loser).toMatchObject({ code: 'CONCURRENT_CHANGE' });
      expect(loser?.found).toBe(await stateOf(app, 'design', documentId));
      expect((await expectLogLeadsToState(app, documentId)).length).toBe(2);
    }
  });

  it('un script que cambia el estado a la vez que otro: el segundo parte del estado que dejó el primero', async () => {
    const director = actorFor('director');
    const designs = await Promise.all(Array.from({ length: PAIRS }, () => pendingDesign(app)));
    const move = (documentId: string, to: string, comment: string) =>
      runAs(
        director,
        () =>
          app.strapi
            .documents(DESIGN)
            .update({ documentId, data: { [STATUS_FIELD]: to } as never }),
        comment
      ).then(
        () => 'ok',
        (error: { details?: { code?: string } }) => error.details?.code ?? 'error'
      );
    const outcomes = await Promise.all(
      designs.map((documentId) =>
        Promise.all([
          move(documentId, 'en_diseno', 'Inicio'),
          move(documentId, 'cancelado', CANCEL.comment),
        ])
      )
    );
    for (const [i, documentId] of designs.entries()) {
      // Either order is possible; no outcome may be a failure of the database itself.
      outcomes[i].forEach((outcome) => expect(['ok', 'INVALID_TRANSITION']).toContain(outcome));
      expect(outcomes[i]).toContain('ok');
      await expectLogLeadsToState(app, documentId);
    }
  });
});

const postgresOnly = testDatabaseClient() === 'postgres' ? describe : describe.skip;

postgresOnly('dos instancias sobre la misma base PostgreSQL', () => {
  let app: TestApp;
  let director: Session;
  let second: Instance;
  let base: string;

  beforeAll(async () => {
    app = await bootApp();
    director = await loginAsAdmin(app, 'strapi-super-admin');
    // A second Strapi process on the same database, serving HTTP until it is told to stop.
    second = startInstance('second-instance.js', { action: 'serve' });
    base = `http://127.0.0.1:${await second.port()}`;
  });
  afterAll(async () => {
    await second?.stop();
    await app?.close();
  });

  it('«Iniciar diseño» en una instancia y «Cancelar» en la otra: gana uno por servicio', async () => {
    const here = sender(app.http, director);
    const there = sender(() => request.agent(base), director);
    const targets: [Record<string, unknown>, Record<string, unknown>] = [START, CANCEL];
    await expectOneWinnerEach(app, await race(app, [here, there], targets), targets);
  });

  it('el mismo cambio en las dos instancias a la vez se aplica una sola vez', async () => {
    const here = sender(app.http, director);
    const there = sender(() => request.agent(base), director);
    const targets: [Record<string, unknown>, Record<string, unknown>] = [START, START];
    await expectOneWinnerEach(app, await race(app, [here, there], targets), targets);
  });
});
