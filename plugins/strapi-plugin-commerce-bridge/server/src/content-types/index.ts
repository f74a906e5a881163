import category from './category';
import collection from './collection';
import product from './product';
import syncLog from './sync-log';

export default {
  product,
  category,
  collection,
  'sync-log': syncLog,
};
