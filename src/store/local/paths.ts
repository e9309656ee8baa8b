// Where the local Neo4j server lives: one git-ignored home (default `<project>/.neo4j`, or PATHWARDEN_NEO4J_HOME)
// holding the jars, the generated conf, the data, the logs, the pid file and the connection file.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Every path of a local server home. */
export interface LocalHome {
  readonly root: string;
  readonly conf: string;
  readonly confFile: string;
  readonly lib: string;
  readonly plugins: string;
  readonly data: string;
  readonly logs: string;
  readonly pidFile: string;
  /** URI, user and password (mode 0600). */
  readonly connectionFile: string;
  /** `export NEO4J_…=…` lines for `. .neo4j/env` (mode 0600). */
  readonly envFile: string;
  /** The generated pom.xml that mvn resolves the server jars from. */
  readonly installDir: string;
}

/** The pathwarden project root: the nearest directory above this module whose package.json is named pathwarden. */
export function projectRoot(from: string = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && /"name"\s*:\s*"pathwarden"/.test(readFileSync(pkg, 'utf8'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

/** The home named by PATHWARDEN_NEO4J_HOME (relative to the current directory), else `<project>/.neo4j`. */
export function resolveLocalHome(env: NodeJS.ProcessEnv = process.env): LocalHome {
  const override = env['PATHWARDEN_NEO4J_HOME'];
  const root = override ? resolve(override) : join(projectRoot(), '.neo4j');
  return localHomeAt(root);
}

/** The layout of a home rooted at `root`. */
export function localHomeAt(root: string): LocalHome {
  const conf = join(root, 'conf');
  return {
    root,
    conf,
    confFile: join(conf, 'neo4j.conf'),
    lib: join(root, 'lib'),
    plugins: join(root, 'plugins'),
    data: join(root, 'data'),
    logs: join(root, 'logs'),
    // NOTE: Neo4jCommand writes its pid here (server.directories.run defaults to <home>/run).
    pidFile: join(root, 'run', 'neo4j.pid'),
    connectionFile: join(root, 'connection.json'),
    envFile: join(root, 'env'),
    installDir: join(root, 'install'),
  };
}
