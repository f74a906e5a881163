import type { Core } from '@strapi/strapi';
import admin from './admin';
import catalogue from './catalogue';

const controllers: Record<string, (deps: { strapi: Core.Strapi }) => object> = { admin, catalogue };

export default controllers;
