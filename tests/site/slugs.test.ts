import type { TestApp } from '../harness/app';
import type { Session } from '../harness/auth';
import { completeData, createOficio, useStaffApp } from '../harness/workflow-fixtures';
import type { Role } from '../../src/domain/workflows';

const WEB = 'api::web-publication.web-publication';

describe('direcciones (slug) de las publicaciones en el sitio', () => {
  let app: TestApp;
  let staff: Record<Role, Session>;
  useStaffApp((booted) => ({ app, staff } = booted));

  const slugOf = async (documentId: string) =>
    (
      (await app.strapi.db
        .query(WEB)
        .findOne({ where: { documentId, publishedAt: null }, select: ['slug'] })) as {
        slug: string | null;
      }
    ).slug;

  const create = async (data: Record<string, unknown>) => {
    const oficio = await createOficio(app);
    return app.strapi.documents(WEB).create({
      data: { ...completeData('web-publication', 0), oficio: oficio.documentId, ...data } as never,
    });
  };

  it('una publicación registrada sin slug recibe uno único a partir del título', async () => {
    const first = await create({ title: 'Jornada de Vacunación Canina' });
    const second = await create({ title: 'Jornada de Vacunación Canina' });
    expect(await slugOf(first.documentId)).toBe('jornada-de-vacunacion-canina');
    expect(await slugOf(second.documentId)).toBe('jornada-de-vacunacion-canina-1');
  });

  it('un slug escrito por el personal se respeta, y uno borrado se vuelve a generar', async () => {
    const item = await create({ title: 'Programa de Obras 2027', slug: 'obras-2027' });
    expect(await slugOf(item.documentId)).toBe('obras-2027');

    await app.strapi
      .documents(WEB)
      .update({ documentId: item.documentId, data: { summary: 'Resumen' } as never });
    expect(await slugOf(item.documentId)).toBe('obras-2027');

    await app.strapi
      .documents(WEB)
      .update({ documentId: item.documentId, data: { slug: '' } as never });
    expect(await slugOf(item.documentId)).toBe('programa-de-obras-2027');
  });

  it('también por el gestor de contenidos, sin que el formulario lo pida', async () => {
    const oficio = await createOficio(app);
    const res = await app
      .http()
      .post(`/content-manager/collection-types/${WEB}`)
      .set(staff.coordinador_gobierno_digital.auth)
      .send({
        ...completeData('web-publication', 0),
        title: 'Aviso de Trámites en Línea',
        oficio: { connect: [{ documentId: oficio.documentId }] },
      });
    expect(res.status).toBe(201);
    expect(await slugOf(res.body.data.documentId)).toBe('aviso-de-tramites-en-linea');
  });
});
