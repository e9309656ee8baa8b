// `pathwarden serve` as a user runs it (the built CLI): prints where it listens and its token, answers, stops
// cleanly on SIGTERM; refuses a non-loopback host without a token.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, pathwarden, ROOT, STACK_FRAME } from '../helpers/exec.js';

describe('pathwarden serve', () => {
  it('generates and prints a token on loopback, serves with it, exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', 'examples/acme', '--port', '0', '--log-level', 'warn'], {
      cwd: ROOT, env: { ...process.env, NO_COLOR: '1', PATHWARDEN_API_TOKEN: '' },
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => { out += c.toString(); });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    for (let i = 0; i < 200 && !/\ntoken: /.test(out); i++) await new Promise((r) => setTimeout(r, 50));
    const url = /pathwarden API on (http:\/\/127\.0\.0\.1:\d+): examples\/acme \(\d+ nodes, \d+ edges, \d+ findings\)/.exec(out)?.[1];
    const token = /^token: ([A-Za-z0-9_-]{32})$/m.exec(out)?.[1];
    expect(url, out).toBeDefined();
    expect(token, out).toBeDefined();
    expect((await fetch(`${url}/v1/findings?limit=1`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    expect((await fetch(`${url}/v1/findings?limit=1`)).status).toBe(401);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('refuses 0.0.0.0 without a token: one line, exit 2', async () => {
    const res = await pathwarden(['serve', 'examples/acme', '--host', '0.0.0.0', '--port', '0'], { env: { PATHWARDEN_API_TOKEN: '' } });
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/^error: refusing to listen on 0\.0\.0\.0 without a bearer token/);
    expect(res.stderr).not.toMatch(STACK_FRAME);
    expect(res.stdout).toBe('');
  });
});
