// Cross-account assumption across two exports (join:aws-cross-account): a principal of account A assumes a role of
// account B when B's trust accepts A and A's policies allow the principal sts:AssumeRole on that role; a deny, a
// grant for its own account only, or no grant at all gives no edge; a condition gives a conditional edge.
import { describe, expect, it } from 'vitest';
import { loadDirectory } from '../../../ingest/index.js';
import { buildGraph } from '../../../src/graph/build.js';

const DIR = 'test/fixtures/aws/cross-account';
const DEPLOY = 'aws/444455556666/role/deploy';

describe('aws cross-account join', () => {
  it('links exactly the principals whose grants cover the trusted role', async () => {
    const r = await loadDirectory(DIR);
    expect(r.diagnostics).toEqual([]);
    const joined = r.edges.filter((e) => e.source === 'join:aws-cross-account').map((e) => [e.from, e.kind, e.to, e.properties['conditional'] === true]);
    expect(joined).toEqual([
      ['aws/111122223333/user/dev', 'CAN_ASSUME', DEPLOY, false],
      ['aws/111122223333/user/mfa', 'CAN_ASSUME', DEPLOY, true],
    ]);
    expect(r.files.at(-1)).toEqual({ file: '(join join:aws-cross-account)', source: 'join:aws-cross-account', nodes: 0, edges: 2, rejected: 0 });
  });

  it('records each half on its nodes: grants that may leave the account, and the accounts a trust accepts', async () => {
    const r = await loadDirectory(DIR);
    const props = (id: string) => r.nodes.find((n) => n.id === id)?.properties;
    expect(props('aws/111122223333/user/ops')).toMatchObject({ x_assume_allow: ['*'], x_assume_deny: ['arn:aws:iam::444455556666:role/*'] });
    expect(props('aws/111122223333/user/local')?.['x_assume_allow']).toBeUndefined();
    expect(props(DEPLOY)).toMatchObject({ x_trusted_accounts: ['111122223333'] });
    expect(props('aws/444455556666/role/audit')).toMatchObject({ x_trusted_accounts: ['999988887777'] });
  });

  it('merges the stub of the trusted account and leaves the graph without a diagnostic', async () => {
    const { graph, diagnostics } = buildGraph(await loadDirectory(DIR));
    expect(diagnostics).toEqual([]);
    expect(graph.inNeighbors(DEPLOY).sort()).toEqual(['aws/111122223333/any-principal', 'aws/111122223333/user/dev', 'aws/111122223333/user/mfa']);
  });
});
