// Limits plugin: decorates `limits`, the per-request limits in force (api/limits.ts, with any overrides).
import fp from 'fastify-plugin';
import { LIMITS } from '../limits.js';
import type { AppOptions } from '../options.js';

export default fp<AppOptions>(async (fastify, options) => {
  fastify.decorate('limits', { ...LIMITS, ...options.limits });
}, { name: 'limits', fastify: '5.x' });
