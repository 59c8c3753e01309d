import { factories } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { ReadController } from '../../workflow/scoped-controller';

const UID = 'api::logo.logo';

/** What an area reads of the catalogue: the logo's name, its image and its usual place. */
const PUBLIC_READ = {
  fields: ['name', 'order'],
  populate: {
    image: { fields: ['name', 'alternativeText', 'url', 'width', 'height', 'mime', 'ext'] },
  },
  sort: ['order:asc', 'name:asc'],
} as const;

/**
 * The active catalogue of institutional logos (`GET /api/logos`), in order. A logo staff
 * deactivated is not offered (and cannot be chosen: see the `logo-active` rule).
 */
export default factories.createCoreController(UID, ({ strapi }) => ({
  async find(ctx) {
    const controller = this as unknown as ReadController;
    const logos = await strapi.documents(UID).findMany({
      ...PUBLIC_READ,
      filters: { active: true },
    } as never);
    const data = await controller.sanitizeOutput(logos, ctx);
    return controller.transformResponse(data, { pagination: { total: logos.length } });
  },

  async findOne(ctx) {
    const controller = this as unknown as ReadController;
    const logo = await strapi.documents(UID).findFirst({
      ...PUBLIC_READ,
      filters: { documentId: String(ctx.params.id), active: true },
    } as never);
    if (!logo) throw new errors.NotFoundError('No existe ese logotipo.', { code: 'NOT_FOUND' });
    return controller.transformResponse(await controller.sanitizeOutput(logo, ctx));
  },
}));
