import type { Core } from '@strapi/strapi';
import bootstrap from './bootstrap';
import config from './config';
import contentTypes from './content-types';
import controllers from './controllers';
import destroy from './destroy';
import register from './register';
import routes from './routes';
import services from './services';

type Lifecycle = (deps: { strapi: Core.Strapi }) => unknown;

const plugin: { register: Lifecycle; bootstrap: Lifecycle; destroy: Lifecycle } & Record<string, unknown> = {
  register,
  bootstrap,
  destroy,
  config,
  controllers,
  routes,
  services,
  contentTypes,
  policies: {},
  middlewares: {},
};

export default plugin;
