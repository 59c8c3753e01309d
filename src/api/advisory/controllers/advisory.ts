import { factories } from '@strapi/strapi';
import { scopeReads, workItemScope } from '../../workflow/scoped-controller';

const UID = 'api::advisory.advisory';

export default factories.createCoreController(UID, ({ strapi }) => {
  const scope = scopeReads(strapi, UID, workItemScope());
  return {
    async find(ctx) {
      return scope.find(this, ctx);
    },
    async findOne(ctx) {
      return scope.findOne(this, ctx);
    },
  };
});
