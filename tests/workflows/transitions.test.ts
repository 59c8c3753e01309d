import {
  STAFF_ROLES,
  WORKFLOWS,
  WORKFLOW_KEYS,
  WORKFLOW_UIDS,
  resolveRoles,
  type Facts,
  type Role,
  type WorkflowKey,
} from '../../src/domain/workflows';
import { ACCESS } from '../../src/bootstrap/admin-roles';
import type { TestApp } from '../harness/app';
import type { Session } from '../harness/auth';
import { fire, itemIn, logsOf, stateOf, useStaffApp } from '../harness/workflow-fixtures';

type Door = 'plugin' | 'content-manager' | 'documents';
const DOORS: Door[] = ['plugin', 'content-manager', 'documents'];

const FACTS: Facts = {
  now: new Date(),
  oficio: {
    status: 'en_atencion',
    receivedAt: new Date(),
    lateAccepted: true,
    areaKind: 'dependencia',
  },
};

const pairs = (workflow: WorkflowKey) =>
  WORKFLOWS[workflow].transitions.flatMap((t) =>
    t.from.map((from) => ({ from, to: t.to, roles: resolveRoles(t.roles, FACTS) }))
  );

const canUpdateInAdmin = (role: Role, workflow: WorkflowKey) =>
  role !== 'director' &&
  (ACCESS[role as keyof typeof ACCESS]?.update ?? []).includes(WORKFLOW_UIDS[workflow]);

/** The role that fires a transition through a door: the most specific one allowed there. */
const roleFor = (door: Door, workflow: WorkflowKey, roles: Role[]): Role => {
  const staff = roles.filter((role) => STAFF_ROLES.includes(role) && role !== 'director');
  if (door === 'documents') {
    return (
      roles.find((role) => role === 'area' || role === 'secretaria_tecnica') ??
      staff[0] ??
      'director'
    );
  }
  if (door === 'content-manager') {
    return staff.find((role) => canUpdateInAdmin(role, workflow)) ?? 'director';
  }
  return staff[0] ?? 'director';
};

const cases = WORKFLOW_KEYS.flatMap((workflow) =>
  pairs(workflow).flatMap(({ from, to, roles }) =>
    DOORS.map((door) => ({ workflow, from, to, door, role: roleFor(door, workflow, roles), roles }))
  )
);

describe('cada transición permitida funciona y deja exactamente un registro en la bitácora', () => {
  let app: TestApp;
  let sessions: Record<Role, Session>;
  useStaffApp((booted) => ({ app, staff: sessions } = booted));

  it.each(cases.map((c) => [`${c.workflow}: ${c.from} → ${c.to} por ${c.door} (${c.role})`, c]))(
    '%s',
    async (_, { workflow, from, to, door, role }) => {
      const crewId = Number(sessions.fotografo.user.id);
      const { documentId } = await itemIn(app, workflow, from, to, { crewId });
      const before = await logsOf(app, documentId);

      const res = await fire(app, door, {
        workflow,
        documentId,
        to,
        role,
        session: sessions[role as keyof typeof sessions],
        comment: 'Comentario de prueba de la transición',
      });

      expect({ status: res.status, error: res.body.error }).toEqual({
        status: 200,
        error: undefined,
      });
      if (door === 'plugin') {
        // The route answers with the updated item and the log record it wrote.
        const { data } = res.body as unknown as {
          data: { item: Record<string, unknown>; log: Record<string, unknown> };
        };
        expect(data.item.workflowStatus).toBe(to);
        expect(data.log).toMatchObject({
          subjectDocumentId: documentId,
          fromStatus: from,
          toStatus: to,
        });
      }
      expect(await stateOf(app, workflow, documentId)).toBe(to);
      const after = await logsOf(app, documentId);
      expect(after).toHaveLength(before.length + 1);
      expect(after[after.length - 1]).toMatchObject({
        fromStatus: from,
        toStatus: to,
        actorKind: role === 'area' || role === 'secretaria_tecnica' ? 'api' : 'admin',
        comment: 'Comentario de prueba de la transición',
      });
    }
  );
});

describe('las transiciones no listadas y los roles no autorizados se rechazan sin dejar rastro', () => {
  let app: TestApp;
  let sessions: Record<Role, Session>;
  useStaffApp((booted) => ({ app, staff: sessions } = booted));

  /** For every state, one target it may not go to directly. */
  const invalidCases = WORKFLOW_KEYS.flatMap((workflow) => {
    const definition = WORKFLOWS[workflow];
    return Object.keys(definition.states).flatMap((from) => {
      const allowed = new Set(
        definition.transitions.filter((t) => t.from.includes(from)).map((t) => t.to)
      );
      const target = Object.keys(definition.states).find((to) => to !== from && !allowed.has(to));
      const viaAnyAllowed = pairs(workflow).find((p) => p.from === from);
      return target
        ? DOORS.map((door) => ({
            workflow,
            from,
            to: target,
            door,
            next: viaAnyAllowed?.to ?? target,
          }))
        : [];
    });
  });

  it.each(invalidCases.map((c) => [`${c.workflow}: ${c.from} ↛ ${c.to} por ${c.door}`, c]))(
    '%s → 400 INVALID_TRANSITION',
    async (_, { workflow, from, to, door, next }) => {
      const crewId = Number(sessions.fotografo.user.id);
      const { documentId } = await itemIn(app, workflow, from, next, { crewId });
      const before = await logsOf(app, documentId);

      const res = await fire(app, door, {
        workflow,
        documentId,
        to,
        role: 'director',
        session: sessions.director,
        comment: 'Intento inválido',
      });

      expect(res.status).toBe(400);
      expect(res.body.error?.details.code).toBe('INVALID_TRANSITION');
      expect(res.body.error?.message).toMatch(/«/);
      expect(await stateOf(app, workflow, documentId)).toBe(from);
      expect(await logsOf(app, documentId)).toHaveLength(before.length);
    }
  );

  const forbiddenCases = WORKFLOW_KEYS.flatMap((workflow) =>
    pairs(workflow).flatMap(({ from, to, roles }) => {
      const intruder = STAFF_ROLES.find((role) => role !== 'director' && !roles.includes(role));
      return intruder
        ? (['plugin', 'documents'] as Door[]).map((door) => ({
            workflow,
            from,
            to,
            door,
            intruder,
          }))
        : [];
    })
  );

  it.each(
    forbiddenCases.map((c) => [
      `${c.workflow}: ${c.from} → ${c.to} por ${c.door} (${c.intruder})`,
      c,
    ])
  )('%s → 403 TRANSITION_FORBIDDEN', async (_, { workflow, from, to, door, intruder }) => {
    const crewId = Number(sessions.fotografo.user.id);
    const { documentId } = await itemIn(app, workflow, from, to, { crewId });
    const before = await logsOf(app, documentId);

    const res = await fire(app, door, {
      workflow,
      documentId,
      to,
      role: intruder,
      session: sessions[intruder],
      comment: 'Intento sin permiso',
    });

    expect({ status: res.status, body: res.body }).toMatchObject({
      status: 403,
      body: { error: { details: { code: 'TRANSITION_FORBIDDEN' } } },
    });
    expect(await stateOf(app, workflow, documentId)).toBe(from);
    expect(await logsOf(app, documentId)).toHaveLength(before.length);
  });
});
