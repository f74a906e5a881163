import type { Core } from '@strapi/strapi';
import catalogue from './catalogue';
import content from './content';
import medusa from './medusa';
import pushAll from './push-all';
import settings from './settings';
import syncLog from './sync-log';

const services: Record<string, (deps: { strapi: Core.Strapi }) => object> = {
  catalogue,
  content,
  medusa,
  pushAll,
  settings,
  syncLog,
};

export default services;
