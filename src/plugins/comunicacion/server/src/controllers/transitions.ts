import type { Core, UID } from '@strapi/strapi';
import { errors, yup } from '@strapi/utils';
import {
  STATE_LABELS,
  STATUS_FIELD,
  WORKFLOW_UIDS,
  adminActor,
  isDraftAndPublish,
  conflict,
  runAs,
  runExpecting,
  validateInput,
  workflowForUid,
  writeContext,
} from '../app';
import type { FireTransition } from '../../../shared/contracts/transitions';

const UIDS = Object.values(WORKFLOW_UIDS);

/** yup's own trim() throws on a value that is not a string; this leaves it to the type check. */
const trimmed = (value: unknown) => (typeof value === 'string' ? value.trim() : value);

const bodySchema = yup
  .object({
    uid: yup
      .string()
      .typeError('El tipo de registro (uid) debe ser un texto.')
      .required('Indica el tipo de registro (uid).')
      .oneOf(UIDS, 'El tipo de registro no tiene flujo de trabajo.'),
    documentId: yup
      .string()
      .typeError('El documentId debe ser un texto.')
      .transform(trimmed)
      .required('Indica el documentId del registro.'),
    to: yup
      .string()
      .typeError('El estado de destino (to) debe ser un texto.')
      .transform(trimmed)
      .required('Indica el estado de destino (to).'),
    from: yup
      .string()
      .typeError('El estado de origen (from) debe ser un texto.')
      .transform(trimmed)
      .max(60, 'El estado de origen (from) admite hasta 60 caracteres.')
      .nullable(),
    comment: yup
      .string()
      .typeError('El comentario debe ser un texto.')
      .nullable()
      .max(2000, 'El comentario admite hasta 2000 caracteres.'),
  })
  .noUnknown(true, 'Campo no admitido: ${unknown}.');

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** POST /comunicacion/transitions */
  async fire(ctx: Parameters<Core.MiddlewareHandler>[0]) {
    const body = await validateInput<FireTransition.Request['body']>(bodySchema, ctx.request.body);
    const workflow = workflowForUid(body.uid)!;
    const uid = body.uid as UID.ContentType;

    const field = STATUS_FIELD;
    const label = (state: string) => STATE_LABELS[workflow][state] ?? state;
    const row = (await strapi.db.query(uid).findOne({
      // Draft & publish types keep their workflow state on the draft.
      where: {
        documentId: body.documentId,
        ...(isDraftAndPublish(workflow) ? { publishedAt: null } : {}),
      },
      select: [field],
    })) as Record<string, string> | null;
    const current = row ? { status: row[field] } : null;
    if (!current) {
      throw new errors.NotFoundError('No existe ese registro.', { code: 'NOT_FOUND' });
    }
    // The state the staff member saw when choosing the action, else the one just read: the
    // engine refuses with 409 if another write moved the item before this one holds it.
    const expected = body.from || current.status;
    if (expected !== current.status) {
      throw conflict(
        'CONCURRENT_CHANGE',
        `Mientras tanto otro cambio movió este registro de «${label(expected)}» a «${label(current.status)}». Revisa su estado actual antes de volver a intentarlo.`,
        { expected, found: current.status }
      );
    }
    if (current.status === body.to) {
      throw new errors.ValidationError(`El registro ya está en «${label(body.to)}».`, {
        code: 'INVALID_TRANSITION',
        from: current.status,
        to: body.to,
      });
    }

    const actor = adminActor(ctx.state.user);
    const { item, log, approvalLink } = await runAs(
      actor,
      async () => {
        const updated = await runExpecting(body.documentId, expected, () =>
          strapi.documents(uid).update({
            documentId: body.documentId,
            data: { [field]: body.to } as never,
          })
        );
        const logs = writeContext().logs ?? [];
        return {
          item: updated,
          log: logs.find((record) => record.subjectDocumentId === body.documentId) ?? null,
          approvalLink: writeContext().approvalLinks?.[0] ?? null,
        };
      },
      body.comment ?? null
    );

    const response: FireTransition.Response = {
      data: {
        item: item as unknown as FireTransition.Response['data']['item'],
        log: log as unknown as FireTransition.TransitionLogRecord,
        approvalLink: approvalLink
          ? { url: approvalLink.url, expiresAt: approvalLink.expiresAt }
          : null,
      },
    };
    ctx.body = response;
  },
});
