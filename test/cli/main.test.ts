// main() of the built CLI: an error that is not a PathwardenError keeps its stack and still exits 2 (not 1,
// which means "findings"). Triggered by a stdout that throws, as no input reaches an internal bug on purpose.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT, STACK_FRAME } from '../helpers/exec.js';

const SCRIPT = `
import { main } from './dist/src/cli/main.js';
process.stdout.write = () => { throw new Error('internal boom'); };
await main(['node', 'pathwarden', '--version']);
`;

function run(): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', SCRIPT], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => { stderr += s; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('main', () => {
  it('rethrows an unknown error with its stack and exits 2', async () => {
    const r = await run();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Error: internal boom');
    expect(r.stderr).toMatch(STACK_FRAME);
  });
});
