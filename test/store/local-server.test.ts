// The local Neo4j server manager (src/store/local-server.ts): generated conf, port choice, connection files,
// command-line errors, and, against the real server found by test/helpers/neo4j.ts, Bolt, version and reset.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, symlink, mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/model/index.js';
import { runLocalServerCommand } from '../../src/store/local-server.js';
import { chooseBoltPort, confEntries, memorySettings, renderConf } from '../../src/store/local/conf.js';
import { envLines, generatePassword, newConnection } from '../../src/store/local/connection.js';
import { renderPom } from '../../src/store/local/install.js';
import { resolveLocalHome } from '../../src/store/local/paths.js';
import { parseJavaMajor } from '../../src/store/local/tools.js';
import { connectTestNeo4j, isLoopbackUri, resetDatabase, type TestNeo4j } from '../helpers/neo4j.js';

const neo = await connectTestNeo4j();
/** The java on PATH (for a PATH that has java but no mvn), or undefined. */
const JAVA = (process.env['PATH'] ?? '').split(delimiter).map((dir) => join(dir, 'java')).find((p) => existsSync(p));

/** Runs a local-server command in-process and returns its exit code and output. */
async function command(name: string, env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runLocalServerCommand(name, {
    env, stdout: { write: (t: string) => { stdout += t; } }, stderr: { write: (t: string) => { stderr += t; } },
  });
  return { code, stdout, stderr };
}

describe('generated neo4j.conf', () => {
  const settings = { port: 17001, heap: '1g', pageCache: '512m' };

  it('binds Bolt to loopback on the chosen port, turns HTTP(S) and usage reports off', () => {
    const conf = new Map(confEntries(settings).filter(([k]) => k !== 'server.jvm.additional'));
    expect(conf.get('server.default_listen_address')).toBe('127.0.0.1');
    expect(conf.get('server.bolt.listen_address')).toBe('127.0.0.1:17001');
    expect(conf.get('server.bolt.advertised_address')).toBe('127.0.0.1:17001');
    expect(conf.get('server.http.enabled')).toBe('false');
    expect(conf.get('server.https.enabled')).toBe('false');
    expect(conf.get('dbms.usage_report.enabled')).toBe('false');
    expect(conf.get('internal.dbms.bolt.netty_server_shutdown_quiet_period')).toBe('0');
    expect([conf.get('server.memory.heap.initial_size'), conf.get('server.memory.heap.max_size'),
      conf.get('server.memory.pagecache.size')]).toEqual(['512m', '1g', '512m']);
  });

  it('repeats no key but server.jvm.additional (Neo4j refuses duplicates) and leaves out AlwaysPreTouch', () => {
    const keys = confEntries(settings).map(([k]) => k).filter((k) => k !== 'server.jvm.additional');
    expect(keys.length).toBe(new Set(keys).size);
    const text = renderConf(settings);
    expect(text).not.toContain('AlwaysPreTouch');
    expect(text).toContain('server.jvm.additional=--add-opens=java.base/java.nio=ALL-UNNAMED\n');
  });

  it('takes memory from the environment and rejects values that are not sizes', () => {
    expect(memorySettings({ PATHWARDEN_NEO4J_HEAP: '256M', PATHWARDEN_NEO4J_PAGECACHE: '128m' }))
      .toEqual({ heap: '256m', pageCache: '128m' });
    expect(renderConf({ port: 1, heap: '256m', pageCache: '1g' })).toContain('server.memory.heap.initial_size=256m\n');
    expect(() => memorySettings({ PATHWARDEN_NEO4J_HEAP: '1 GB' })).toThrow(ConfigError);
  });

  it('pins org.neo4j:neo4j to one exact version in the generated pom', () => {
    expect(renderPom('5.26.30')).toMatch(/<artifactId>neo4j<\/artifactId>\s*<version>5\.26\.30<\/version>/);
  });
});

describe('Bolt port choice', () => {
  let busy: Server;
  let busyPort: number;
  beforeAll(async () => {
    busy = createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', () => r()));
    busyPort = (busy.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((r) => busy.close(() => r())));

  it('replaces a recorded port that is taken by a free one', async () => {
    const port = await chooseBoltPort(undefined, busyPort);
    expect(port).not.toBe(busyPort);
    expect(port).toBeGreaterThan(0);
  });

  it('refuses an explicitly requested port that is taken', async () => {
    await expect(chooseBoltPort(busyPort, undefined)).rejects.toThrow(ConfigError);
  });
});

describe('connection', () => {
  it('generates 24-character URL-safe passwords that differ', () => {
    const a = generatePassword();
    expect(a).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(generatePassword()).not.toBe(a);
  });

  it('prints eval-able export lines, with the password only when asked', () => {
    const conn = newConnection(7688, 'pa55word-x');
    expect(envLines(conn, { password: true })).toBe("export NEO4J_URI='bolt://127.0.0.1:7688'\nexport NEO4J_USER='neo4j'\n"
      + "export NEO4J_PASSWORD='pa55word-x'\nexport NEO4J_DATABASE='neo4j'\n");
    expect(envLines(conn, { password: false })).not.toContain('pa55word-x');
  });

  it('reads Java major versions of both numbering schemes', () => {
    expect(parseJavaMajor('openjdk version "17.0.15" 2025-04-15')).toBe(17);
    expect(parseJavaMajor('java version "1.8.0_402"')).toBe(8);
    expect(parseJavaMajor('no version here')).toBeUndefined();
  });
});

describe('command line', () => {
  let scratch: string;
  beforeAll(async () => { scratch = await mkdtemp(join(tmpdir(), 'pw-neo4j-')); });
  afterAll(() => rm(scratch, { recursive: true, force: true }));

  it('exits 2 with one line and no stack when java is missing', async () => {
    const env = { PATH: join(scratch, 'empty'), PATHWARDEN_NEO4J_HOME: join(scratch, 'home') };
    const result = await command('start', env);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^neo4j: java not found: .*\n$/);
  });

  it.skipIf(JAVA === undefined)('exits 2 with one line when mvn is missing and the jars are not installed yet', async () => {
    const bin = join(scratch, 'java-only');
    await mkdir(bin);
    await symlink(JAVA ?? '/usr/bin/java', join(bin, 'java'));
    const result = await command('start', { PATH: bin, PATHWARDEN_NEO4J_HOME: join(scratch, 'home') });
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n').filter((l) => !l.includes('fetching Neo4j'))).toEqual([
      'neo4j: mvn not found: the first start downloads Neo4j from Maven Central with Maven 3.6+ (Debian/Ubuntu: apt-get install maven)', '',
    ]);
  });

  it('status of a home without a server: exit 3, "not running"', async () => {
    const result = await command('status', { PATHWARDEN_NEO4J_HOME: join(scratch, 'none') });
    expect(result).toEqual({ code: 3, stdout: `Neo4j is not running (home ${join(scratch, 'none')})\n`, stderr: '' });
  });

  it('rejects a bad port and an unknown command with exit 2', async () => {
    const bad = await command('start', { ...process.env, PATHWARDEN_NEO4J_PORT: '99999', PATHWARDEN_NEO4J_HOME: join(scratch, 'h') });
    expect([bad.code, bad.stderr]).toEqual([2, 'neo4j: PATHWARDEN_NEO4J_PORT="99999" is not a TCP port (1-65535)\n']);
    expect((await command('restart', {})).code).toBe(2);
  });
});

describe('resetDatabase guard', () => {
  it('refuses a server that is neither loopback nor a test container', async () => {
    const remote = { available: true, source: 'env', uri: 'bolt://neo4j.prod.example:7687', driver: {} as Driver } as TestNeo4j;
    await expect(resetDatabase(remote)).rejects.toThrow(/refuses to wipe bolt:\/\/neo4j\.prod\.example:7687/);
    expect(['bolt://127.0.0.1:7687', 'neo4j://localhost', 'bolt://[::1]:7687', 'bolt://10.0.0.1:7687', 'bolt://127.example.com']
      .map(isLoopbackUri)).toEqual([true, true, true, false, false]);
  });
});

describe.skipIf(!neo.available)(`real Neo4j server${neo.available ? ` (${neo.source})` : ''}`, () => {
  const server = neo as TestNeo4j;
  afterAll(() => server.close());

  it('answers RETURN 1 and is Neo4j 5.26', async () => {
    const one = await server.driver.executeQuery('RETURN 1 AS one', {}, { database: server.database });
    expect(one.records[0]?.get('one').toNumber()).toBe(1);
    const components = await server.driver.executeQuery('CALL dbms.components() YIELD name, versions RETURN name, versions[0] AS v');
    expect(components.records[0]?.get('name')).toBe('Neo4j Kernel');
    expect(components.records[0]?.get('v')).toMatch(/^5\.26\./);
    expect(server.agent).toMatch(/^Neo4j\/5\.26\./);
  });

  it('resetDatabase deletes every node and relationship', async () => {
    await server.driver.executeQuery('CREATE (:PwResetProbe {i: 1})-[:PW_PROBE]->(:PwResetProbe {i: 2}), (:PwResetProbe {i: 3})',
      {}, { database: server.database });
    await resetDatabase(server);
    const count = await server.driver.executeQuery('MATCH (n) RETURN count(n) AS nodes', {}, { database: server.database });
    expect(count.records[0]?.get('nodes').toNumber()).toBe(0);
  });

  describe.skipIf(server.source !== 'local')('local server files and commands', () => {
    it('keeps connection.json and env readable by the owner only, with the URI in use', async () => {
      const home = resolveLocalHome().root;
      expect((await stat(join(home, 'connection.json'))).mode & 0o777).toBe(0o600);
      expect((await stat(join(home, 'env'))).mode & 0o777).toBe(0o600);
      const stored = JSON.parse(await readFile(join(home, 'connection.json'), 'utf8')) as { uri: string; password: string };
      expect([stored.uri, stored.password]).toEqual([server.uri, server.password]);
    });

    it('status reports the URI but never the password', async () => {
      const result = await command('status', process.env);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`at ${server.uri}, user neo4j, database neo4j; Bolt answers (Neo4j/5.26.`);
      expect(result.stdout).not.toContain(server.password);
    });

    it('start on a running server prints the connection for eval without starting anything', async () => {
      const t0 = Date.now();
      const result = await command('start', process.env);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(`export NEO4J_URI='${server.uri}'\nexport NEO4J_USER='neo4j'\n`
        + `export NEO4J_PASSWORD='${server.password}'\nexport NEO4J_DATABASE='neo4j'\n`);
      expect(result.stderr).toContain('already running');
      expect(Date.now() - t0).toBeLessThan(10_000);
    });
  });
});
