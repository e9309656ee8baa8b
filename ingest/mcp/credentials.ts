// The places of one MCP server config that may carry a credential: env vars, HTTP headers, arguments
// (`--api-key=…`, `--token …`, or any argument of a known secret shape) and URL query parameters.
import { hasSecretShape, isCredentialName } from './classify.js';
import { isObject } from '../values.js';

/** One value that carries a credential, where it was found (JSON path below the server) and what names it. */
export interface CredentialPlace {
  /** Path below the server object, e.g. ['env', 'GITHUB_TOKEN'] or ['args', 3]. */
  readonly path: readonly (string | number)[];
  /** Human label: `env GITHUB_TOKEN`, `header Authorization`, `arg --api-key`, `url ?key`. */
  readonly via: string;
  /** The env var, header or flag name (used to pick the credential kind of an env reference). */
  readonly name: string;
  readonly value: string;
}

type Obj = Readonly<Record<string, unknown>>;


/** Every credential-carrying value of a server (AWS_PROFILE is handled apart, see transform.ts). */
export function credentialPlaces(server: Obj): CredentialPlace[] {
  const out: CredentialPlace[] = [];
  for (const key of ['env', 'headers'] as const) {
    const map = server[key];
    if (!isObject(map)) continue;
    for (const [name, value] of Object.entries(map)) {
      if (typeof value !== 'string' || name === 'AWS_PROFILE') continue;
      if (isCredentialName(name) || hasSecretShape(value)) out.push({ path: [key, name], via: `${key === 'env' ? 'env' : 'header'} ${name}`, name, value });
    }
  }
  const args = Array.isArray(server['args']) ? server['args'] : [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (typeof arg !== 'string') continue;
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const next = args[i + 1];
    if (flag.startsWith('-') && isCredentialName(flag)) {
      if (eq > 0) out.push({ path: ['args', i], via: `arg ${flag}`, name: flag, value: arg.slice(eq + 1) });
      else if (typeof next === 'string' && !next.startsWith('-')) { out.push({ path: ['args', i + 1], via: `arg ${flag}`, name: flag, value: next }); i++; }
    } else if (hasSecretShape(eq > 0 ? arg.slice(eq + 1) : arg)) {
      out.push({ path: ['args', i], via: `arg ${i}`, name: flag, value: eq > 0 ? arg.slice(eq + 1) : arg });
    }
  }
  const url = server['url'];
  if (typeof url === 'string') {
    const query = queryOf(url);
    for (const [name, value] of query) {
      if (isCredentialName(name) || hasSecretShape(value)) out.push({ path: ['url'], via: `url ?${name}`, name, value });
    }
  }
  return out;
}

/** A URL without its query string and fragment (which may hold a credential), for display. */
export function urlWithoutQuery(url: string): string {
  return url.replace(/[?#].*$/, '');
}

function queryOf(url: string): [string, string][] {
  const at = url.indexOf('?');
  if (at < 0) return [];
  return [...new URLSearchParams(url.slice(at + 1).replace(/#.*$/, ''))];
}
