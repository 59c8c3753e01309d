import { scopedController, workItemScope } from '../../workflow/scoped-controller';

export default scopedController('api::social-post.social-post', workItemScope());
