// The one error handler: every error becomes an application/problem+json document. Known errors (validation,
// PathwardenError, fastify/http 4xx) carry their message; anything else is a 500 with a generic detail, and the
// error itself only goes to the log.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import { InputError, PathwardenError, type ErrorCode } from '../src/model/index.js';
import type { Problem } from './schemas/common.js';

/** HTTP status of each pathwarden error code. */
export const STATUS_BY_CODE = {
  input: 400, usage: 400, config: 400, engine: 400, 'not-found': 404, 'store-unavailable': 503,
} as const satisfies Record<ErrorCode, number>;

/** A problem document. */
export function problem(status: number, detail: string, code = 'http'): Problem {
  return { type: 'about:blank', title: STATUS_CODES[status] ?? 'Error', status, detail, code };
}

/** The problem document of an error, and whether it is an unexpected (5xx) one. */
export function problemOf(err: FastifyError | Error): Problem {
  if (err instanceof PathwardenError) {
    const detail = err instanceof InputError ? err.toString() : err.message;
    return problem(STATUS_BY_CODE[err.code], detail.replace(/\s*\n\s*/g, ' '), err.code);
  }
  const status = (err as FastifyError).statusCode;
  if ((err as FastifyError).validation) return problem(400, err.message, 'usage');
  if (status !== undefined && status >= 400 && status < 500) return problem(status, err.message);
  return problem(status !== undefined && status >= 500 && status < 600 ? status : 500, 'internal error; the server log has the details');
}

/** Fastify error handler: sends the problem document; logs 5xx errors with their stack. */
export function sendProblem(err: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const body = problemOf(err);
  if (body.status >= 500) request.log.error({ err }, 'request failed');
  if (body.status === 401) void reply.header('www-authenticate', 'Bearer');
  return reply.code(body.status).type('application/problem+json').send(body);
}
