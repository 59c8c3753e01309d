import type { UID } from '@strapi/strapi';
import type { TestApp } from '../harness/app';
import type { Session } from '../harness/auth';
import { completeData, createOficio, fire, useStaffApp } from '../harness/workflow-fixtures';
import { runInternal } from '../harness/runtime';
import { WORKFLOW_UIDS, type Role, type WorkItemKey } from '../../src/domain/workflows';

describe('el oficio cuenta bien sus trabajos abiertos', () => {
  let app: TestApp;
  let staff: Record<Role, Session>;
  useStaffApp((booted) => ({ app, staff } = booted));

  // Two items of one kind in the same state used to count as one: the relation join made the
  // query DISTINCT over the selected columns, and both rows read the same.
  it.each<WorkItemKey>(['design', 'web-publication', 'transparency-document'])(
    'dos trabajos «%s» en el mismo estado son «2 trabajos abiertos»',
    async (workflow) => {
      const uid = WORKFLOW_UIDS[workflow] as UID.ContentType;
      const oficio = await createOficio(app, { area: 'DC' });
      for (let i = 0; i < 2; i++) {
        await app.strapi.documents(uid).create({
          data: { ...completeData(workflow, 0), oficio: oficio.documentId } as never,
        });
      }
      await runInternal(() =>
        app.strapi.documents('api::oficio.oficio' as UID.ContentType).update({
          documentId: oficio.documentId,
          data: { workflowStatus: 'en_atencion' } as never,
        })
      );

      const res = await fire(app, 'plugin', {
        workflow: 'oficio',
        documentId: oficio.documentId,
        to: 'atendido',
        role: 'director',
        session: staff.director,
        comment: 'Cierre',
      });

      expect(res.status).toBe(400);
      expect(res.body.error?.details.code).toBe('OPEN_ITEMS');
      expect(res.body.error?.message).toBe(
        'Quedan 2 trabajos abiertos en este oficio: ciérralos antes de marcarlo como atendido.'
      );
    }
  );
});
