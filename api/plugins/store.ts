// Store plugin: decorates `store` with an open Neo4j store when the API serves a snapshot (or one was given),
// undefined otherwise. A store this plugin opened is closed with the server.
import fp from 'fastify-plugin';
import { storeConfig } from '../../src/store/config.js';
import { openStore } from '../../src/store/driver.js';
import type { AppOptions } from '../options.js';

export default fp<AppOptions>(async (fastify, options) => {
  if (options.store) {
    fastify.decorate('store', options.store);
    return;
  }
  if (options.source.kind !== 'neo4j') {
    fastify.decorate('store', undefined);
    return;
  }
  const store = await openStore(storeConfig());
  fastify.decorate('store', store);
  fastify.addHook('onClose', () => store.close());
}, { name: 'store', fastify: '5.x' });
