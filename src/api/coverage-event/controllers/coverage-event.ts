import { scopedController, workItemScope } from '../../workflow/scoped-controller';

export default scopedController('api::coverage-event.coverage-event', workItemScope());
