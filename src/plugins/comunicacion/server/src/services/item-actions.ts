import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  STATE_LABELS,
  STATUS_FIELD,
  WORKFLOW_UIDS,
  availableTransitions,
  getService,
  invalid,
  isDraftAndPublish,
  runAs,
  toDomainItem,
  workflowForUid,
  yearsOfRow,
  type Actor,
  type Row,
  type WorkflowKey,
} from '../app';
import type { AddProposal, AssignItem, GetItemTransitions } from '../../../shared/contracts/items';
import { STAFF_SELECT, isoInstant, staffMembers, toTransitionDtos } from './presenters';

const DESIGN_UID = 'api::design.design';
const FILE_UID = 'plugin::upload.file';

const notFound = () =>
  new errors.NotFoundError('No existe ese registro.', { code: 'NOT_FOUND' }) as Error;

interface ProposalRow {
  id: number;
  version: number;
  file?: { id: number; name?: string; url?: string } | null;
  sentAt?: string | null;
  decision?: string | null;
  feedback?: string | null;
  decidedAt?: string | null;
  decidedBy?: string | null;
}

/**
 * What staff do to one work item from a queue or the oficio page: see the transitions they may
 * fire, assign people, add a design proposal. Writes run as the staff member through the
 * Document Service, so every workflow rule applies.
 */
export const createItemActionsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const workflow = () => getService('workflow', strapi);

  /** Where clause of the current row (the draft for draft & publish types). */
  const currentRow = (key: WorkflowKey, documentId: string) => ({
    documentId,
    ...(isDraftAndPublish(key) ? { publishedAt: null } : {}),
  });

  const service = {
    /** The item's state and the transitions the actor may fire now; null when it does not exist. */
    async transitions(
      uid: string,
      documentId: string,
      actor: Actor
    ): Promise<GetItemTransitions.Response['data'] | null> {
      const key = workflowForUid(uid);
      if (!key) return null;
      const workflows = workflow();
      const row = await workflows.load(key, documentId);
      if (!row) return null;
      const now = new Date();
      const [facts, settings, calendar] = await Promise.all([
        workflows.facts(key, row, now),
        workflows.settings(),
        workflows.calendar(yearsOfRow(row)),
      ]);
      const status = String(row[STATUS_FIELD]);
      const offered = availableTransitions({
        workflow: key,
        from: status,
        actor,
        item: toDomainItem(key, row),
        facts,
        calendar,
        settings,
      });
      return {
        status,
        statusLabel: STATE_LABELS[key][status] ?? status,
        transitions: toTransitionDtos(key, status, offered),
      };
    },

    /** Replaces the item's assignees with the given admin users. */
    async assign(
      uid: string,
      documentId: string,
      assigneeIds: number[],
      actor: Actor
    ): Promise<AssignItem.Response['data']> {
      const key = workflowForUid(uid);
      if (!key || key === 'oficio') {
        throw invalid('INVALID_DATA', 'Ese tipo de registro no tiene responsables que asignar.', {
          fields: ['uid'],
        });
      }
      const contentType = WORKFLOW_UIDS[key] as UID.ContentType;
      const exists = await strapi.db
        .query(contentType)
        .findOne({ where: currentRow(key, documentId), select: ['id'] });
      if (!exists) throw notFound();

      const ids = [...new Set(assigneeIds)];
      const users = (await strapi.db.query('admin::user').findMany({
        where: { id: { $in: ids }, isActive: true },
        select: ['id'],
      })) as { id: number }[];
      const known = new Set(users.map((user) => user.id));
      const unknown = ids.filter((id) => !known.has(id));
      if (unknown.length > 0) {
        throw invalid(
          'INVALID_DATA',
          unknown.length === 1
            ? `No hay ninguna persona activa del personal con el id ${unknown[0]}.`
            : `No hay personas activas del personal con los ids ${unknown.join(', ')}.`,
          { fields: ['assigneeIds'], unknown }
        );
      }

      await runAs(actor, () =>
        strapi.documents(contentType).update({
          documentId,
          data: { assignees: ids } as never,
        })
      );
      const row = (await strapi.db.query(contentType).findOne({
        where: currentRow(key, documentId),
        populate: { assignees: { select: STAFF_SELECT } },
      })) as Row;
      return { uid: contentType, documentId, assignees: staffMembers(row.assignees) };
    },

    /** Appends the next numbered proposal version, with an uploaded file, to a design en_diseno. */
    async addProposal(
      documentId: string,
      fileId: number,
      actor: Actor
    ): Promise<AddProposal.Response['data']> {
      const design = await workflow().load('design', documentId);
      if (!design) throw notFound();
      const status = String(design[STATUS_FIELD]);
      if (status !== 'en_diseno') {
        const label = STATE_LABELS.design[status] ?? status;
        throw invalid(
          'INVALID_TRANSITION',
          `Solo se sube una versión de la propuesta a un diseño «En diseño»; este está en «${label}».`,
          { from: status }
        );
      }
      const file = await strapi.db.query(FILE_UID).findOne({ where: { id: fileId } });
      if (!file) {
        throw invalid(
          'MISSING_DATA',
          'No se encontró el archivo de la propuesta: súbelo a la biblioteca de medios y vuelve a intentarlo.',
          { fields: ['fileId'] }
        );
      }

      const existing = (design.proposals as ProposalRow[] | null) ?? [];
      const version = existing.reduce((max, p) => Math.max(max, Number(p.version) || 0), 0) + 1;
      const proposals = [
        ...existing.map((p) => ({
          id: p.id,
          version: p.version,
          file: p.file?.id ?? null,
          sentAt: p.sentAt ?? null,
          decision: p.decision ?? null,
          feedback: p.feedback ?? null,
          decidedAt: p.decidedAt ?? null,
          decidedBy: p.decidedBy ?? null,
        })),
        { version, file: fileId, sentAt: null },
      ];
      await runAs(actor, () =>
        strapi.documents(DESIGN_UID).update({ documentId, data: { proposals } as never })
      );
      return { documentId, proposals: await service.proposals(documentId) };
    },

    /** A design's proposal versions, oldest first. */
    async proposals(documentId: string): Promise<AddProposal.Response['data']['proposals']> {
      const row = (await strapi.db.query(DESIGN_UID).findOne({
        where: { documentId },
        populate: { proposals: { populate: { file: { select: ['id', 'name', 'url'] } } } },
      })) as { proposals?: ProposalRow[] } | null;
      return [...(row?.proposals ?? [])]
        .sort((a, b) => a.version - b.version)
        .map((p) => ({
          version: p.version,
          file: p.file
            ? { id: p.file.id, name: String(p.file.name), url: String(p.file.url) }
            : null,
          sentAt: isoInstant(p.sentAt),
          decision: p.decision ?? null,
          feedback: p.feedback ?? null,
        }));
    },
  };

  return service;
};

export type ItemActionsService = ReturnType<typeof createItemActionsService>;

export default createItemActionsService;
