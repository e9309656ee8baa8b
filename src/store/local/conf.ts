// conf/neo4j.conf for the local server (loopback only, Bolt only, modest memory, quiet shutdown) and the Bolt port:
// PATHWARDEN_NEO4J_PORT if given, else the port recorded at setup, else 7687, else any free port.
import { createServer } from 'node:net';
import { ConfigError } from '../../model/index.js';

/** Bolt's usual port, used when free and nothing else was asked for. */
export const DEFAULT_BOLT_PORT = 7687;

/** Memory settings of the server (Neo4j size syntax: 512m, 1g). */
export interface MemorySettings {
  readonly heap: string;
  readonly pageCache: string;
}

/** Everything the generated neo4j.conf depends on. */
export interface ServerSettings extends MemorySettings {
  readonly port: number;
}

const SIZE = /^\d+[kmg]$/i;

/** Memory from PATHWARDEN_NEO4J_HEAP (default 1g) and PATHWARDEN_NEO4J_PAGECACHE (default 512m). */
export function memorySettings(env: NodeJS.ProcessEnv = process.env): MemorySettings {
  const read = (name: string, fallback: string): string => {
    const value = env[name]?.trim() || fallback;
    if (!SIZE.test(value)) throw new ConfigError(`${name}="${value}" is not a size like 512m or 1g`);
    return value.toLowerCase();
  };
  return { heap: read('PATHWARDEN_NEO4J_HEAP', '1g'), pageCache: read('PATHWARDEN_NEO4J_PAGECACHE', '512m') };
}

/** The port asked for in PATHWARDEN_NEO4J_PORT, or undefined. */
export function requestedPort(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env['PATHWARDEN_NEO4J_PORT']?.trim();
  if (!raw) return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ConfigError(`PATHWARDEN_NEO4J_PORT="${raw}" is not a TCP port (1-65535)`);
  }
  return port;
}

/** True when nothing listens on 127.0.0.1:`port`. */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A port that is free on 127.0.0.1 right now (chosen by the OS). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1', exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The Bolt port for a server that is not running: an explicitly requested port must be free (ConfigError
 * otherwise); a recorded or default port that is taken is replaced by a free one.
 */
export async function chooseBoltPort(requested: number | undefined, recorded: number | undefined): Promise<number> {
  if (requested !== undefined) {
    if (await isPortFree(requested)) return requested;
    throw new ConfigError(`PATHWARDEN_NEO4J_PORT=${requested} is already in use on 127.0.0.1; `
      + 'choose another port or unset it to let pathwarden pick a free one');
  }
  const preferred = recorded ?? DEFAULT_BOLT_PORT;
  return (await isPortFree(preferred)) ? preferred : freePort();
}

// The JVM flags of the 5.26 tarball's neo4j.conf, minus -XX:+AlwaysPreTouch: pre-touching commits the whole heap
// at start (idle RSS 1.3 GiB instead of about 0.5 GiB with a 1 GiB heap), which a dev machine does not need.
const JVM_FLAGS = [
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+UnlockExperimentalVMOptions',
  '-XX:+TrustFinalNonStaticFields',
  '-XX:+DisableExplicitGC',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Djdk.tls.ephemeralDHKeySize=2048',
  '-Djdk.tls.rejectClientInitiatedRenegotiation=true',
  '-XX:FlightRecorderOptions=stackdepth=256',
  '-XX:+UnlockDiagnosticVMOptions',
  '-XX:+DebugNonSafepoints',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--enable-native-access=ALL-UNNAMED',
  '-Dlog4j2.disable.jmx=true',
  '-Dlog4j.layout.jsonTemplate.maxStringLength=32768',
];

/** The settings as [key, value] pairs; every key but server.jvm.additional appears once (duplicates are fatal). */
export function confEntries(settings: ServerSettings): ReadonlyArray<readonly [string, string]> {
  const bolt = `127.0.0.1:${settings.port}`;
  return [
    ['server.default_listen_address', '127.0.0.1'],
    ['server.default_advertised_address', '127.0.0.1'],
    ['server.bolt.enabled', 'true'],
    ['server.bolt.listen_address', bolt],
    ['server.bolt.advertised_address', bolt],
    ['server.http.enabled', 'false'],
    ['server.https.enabled', 'false'],
    // NOTE: initial heap below max keeps idle memory low; the heap grows to max only under load.
    ['server.memory.heap.initial_size', smaller(settings.heap, '512m')],
    ['server.memory.heap.max_size', settings.heap],
    ['server.memory.pagecache.size', settings.pageCache],
    ['dbms.usage_report.enabled', 'false'],
    ['db.tx_log.rotation.retention_policy', '1 files'],
    // Netty otherwise waits 5 s per connector on shutdown (stop 2-3 s instead of 12-13 s).
    ['internal.dbms.bolt.netty_server_shutdown_quiet_period', '0'],
    ...JVM_FLAGS.map((flag) => ['server.jvm.additional', flag] as const),
  ];
}

/** The text of conf/neo4j.conf. */
export function renderConf(settings: ServerSettings): string {
  const lines = confEntries(settings).map(([key, value]) => `${key}=${value}`);
  return ['# Generated by pathwarden (src/store/local/conf.ts) on every start: edits here are overwritten.',
    '# Set PATHWARDEN_NEO4J_PORT, PATHWARDEN_NEO4J_HEAP or PATHWARDEN_NEO4J_PAGECACHE instead.', ...lines, ''].join('\n');
}

function bytes(size: string): number {
  const unit = { k: 2 ** 10, m: 2 ** 20, g: 2 ** 30 }[size.slice(-1).toLowerCase() as 'k' | 'm' | 'g'];
  return Number(size.slice(0, -1)) * unit;
}

function smaller(a: string, b: string): string {
  return bytes(a) <= bytes(b) ? a : b;
}
