import { scopedController, workItemScope } from '../../workflow/scoped-controller';

export default scopedController('api::advisory.advisory', workItemScope());
