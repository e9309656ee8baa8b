// Whether a listen address is loopback: decides the token rules (server.ts) and the web view's session cookie (auth).
import { isIP } from 'node:net';

/** True for 127.0.0.0/8, ::1 and localhost. */
export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1' || host === '::ffff:127.0.0.1';
}
