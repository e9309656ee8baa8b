// docker-compose.yml must stay valid for users who run `docker compose up` (no Docker engine here, but the Debian
// docker-compose package validates the file). Under CI=true a missing validator fails the run instead of skipping.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isCi } from '../helpers/neo4j.js';

const found = spawnSync('docker-compose', ['version'], { encoding: 'utf8' }).status === 0;

describe('docker-compose.yml', () => {
  it.runIf(!found && isCi())('has a validator under CI', () => {
    expect.fail('docker-compose is not installed: .ci/run installs the Debian package docker-compose');
  });

  it.skipIf(!found)('validates with no variables set, and with them', () => {
    const clean = { PATH: process.env['PATH'] ?? '' };
    const bare = spawnSync('docker-compose', ['-f', 'docker-compose.yml', 'config', '-q'], { encoding: 'utf8', env: clean });
    expect(bare.stderr).toBe('');
    expect(bare.status).toBe(0);
    const set = spawnSync('docker-compose', ['-f', 'docker-compose.yml', 'config'], {
      encoding: 'utf8', env: { ...clean, NEO4J_PASSWORD: 'a-long-password', PATHWARDEN_API_TOKEN: 'token-of-24-characters!!' },
    });
    expect(set.status).toBe(0);
    expect(set.stdout).toContain('NEO4J_AUTH: neo4j/a-long-password');
    // every published port is on the loopback interface only
    const published = [...set.stdout.matchAll(/^\s+- ([\d.]+):(\d+):(\d+)\/tcp$/gm)].map((m) => `${m[1]}:${m[3]}`);
    expect(published).toEqual(['127.0.0.1:7687', '127.0.0.1:7474', '127.0.0.1:8080']);
  });
});
