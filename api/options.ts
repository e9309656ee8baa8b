// Options of the API plugin (api/app.ts) and the decorators its plugins add to the fastify instance.
import type { LoadedGraph } from '../src/analysis/load.js';
import type { Store } from '../src/store/driver.js';
import type { EngineBackend } from './backend/engine.js';
import type { Limits } from './limits.js';
import type { Auth } from './plugins/auth.js';

/** What the API serves: an inventory directory, a Neo4j snapshot (default: newest), or a graph given in process. */
export type GraphSource =
  | { readonly kind: 'dir'; readonly dir: string }
  | { readonly kind: 'neo4j'; readonly snapshot?: number }
  | { readonly kind: 'graph'; readonly loaded: LoadedGraph };

export interface AppOptions {
  readonly source: GraphSource;
  /** Bearer token every /v1 request must carry; undefined = no auth (server.ts allows that on loopback only). */
  readonly token: string | undefined;
  /** Overrides of api/limits.ts (tests lower the time budget). */
  readonly limits?: Partial<Limits>;
  /** Requests per minute per client address; 0 disables rate limiting. */
  readonly rateLimit?: number;
  /** The address the server listens on (set by server.ts); on a loopback address the web view gets a session cookie. */
  readonly listenHost?: string;
  /** The built web view to serve at `/` (default: dist/web of the package); tests point it elsewhere. */
  readonly webDir?: string;
  /** An open store to use instead of opening one from NEO4J_* settings (the caller closes it). */
  readonly store?: Store;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The served graph, its cached analysis and the query answers. */
    engine: EngineBackend;
    /** The Neo4j store, when the API runs with one. */
    store: Store | undefined;
    /** Bearer-token and session-cookie checks of the /v1 routes. */
    auth: Auth;
    /** The limits in force. */
    limits: Limits;
  }
}
