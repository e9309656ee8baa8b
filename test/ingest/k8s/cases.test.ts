// k8s special cases: implicit groups, aggregated ClusterRoles (matchLabels and matchExpressions), dangling subjects
// and roles (warnings, never fatal), bindings without subjects, and IRSA to the AWS source's role id.
import { describe, expect, it } from 'vitest';
import { diagTuples, edgesOf, nodesOf } from '../tuples.js';
import { CLUSTER_ADMIN, edgesFrom, id, ingestFixture, K8S_FIXTURES } from './helpers.js';

const ATTACKER = id('sa', 'team/attacker');
const TOKEN = id('secret', 'team/target-token');

describe('k8s cases', () => {
  it('groups: system:serviceaccounts:<ns> holds the grant and only that namespace\'s accounts are members', async () => {
    const r = await ingestFixture(`${K8S_FIXTURES}/cases/groups.yaml`);
    expect(r.diagnostics).toEqual([]);
    const group = (name: string) => id('group', name);
    expect(edgesFrom(r, group('system:serviceaccounts:team'))).toEqual(new Set([`CAN_READ_SECRET|${TOKEN}|k8s secrets read|`]));
    expect(edgesFrom(r, group('system:masters'))).toEqual(new Set([`CAN_ACCESS|${CLUSTER_ADMIN}||`]));
    const members = (g: string) => new Set(r.edges.filter((e) => e.kind === 'MEMBER_OF' && e.to === group(g)).map((e) => e.from));
    expect(members('system:serviceaccounts:team')).toEqual(new Set([ATTACKER, id('sa', 'team/target')]));
    expect(members('system:authenticated')).toEqual(new Set([ATTACKER, id('sa', 'team/target'), id('sa', 'other/elsewhere'), id('user', 'alice')]));
    expect(members('system:unauthenticated')).toEqual(new Set([id('user', 'system:anonymous')]));
    expect(members('system:masters')).toEqual(new Set(['k8s/default/certificate/system:masters']));
    expect(r.nodes.find((n) => n.id === 'k8s/default/certificate/system:masters')?.kind).toBe('Token');
    expect(nodesOf(r, 'Group')).toEqual(new Set(['system:serviceaccounts:team', 'system:authenticated', 'system:unauthenticated', 'system:masters'].map(group)));
    expect(nodesOf(r, 'Human')).toEqual(new Set([id('user', 'alice')]));
    expect(edgesFrom(r, ATTACKER)).toEqual(new Set());
  });

  it('aggregated ClusterRole: the rules of every selected role, not of the others', async () => {
    const r = await ingestFixture(`${K8S_FIXTURES}/cases/aggregated.yaml`);
    expect(r.diagnostics).toEqual([]);
    expect(edgesFrom(r, ATTACKER)).toEqual(new Set([`CAN_READ_SECRET|${TOKEN}|k8s secrets read|`, `CAN_ASSUME|${id('pod', 'team/web')}|k8s pods/exec|`]));
    expect(r.nodes.find((n) => n.id === id('clusterrole', 'team-aggregate'))?.properties).toEqual({ platform: 'k8s', x_aggregated: true });
  });

  it('dangling: a missing service account and a missing role are warnings; a binding without subjects is fine', async () => {
    const r = await ingestFixture(`${K8S_FIXTURES}/cases/dangling.yaml`);
    expect(diagTuples(r.diagnostics)).toEqual([
      ['warning', 'dangling-ref', 'dangling.yaml', 26, undefined, '$.items[2].subjects[0].name'],
      ['warning', 'dangling-ref', 'dangling.yaml', 42, undefined, '$.items[3].roleRef'],
    ]);
    expect(r.nodes.find((n) => n.id === id('sa', 'team/ghost'))?.tags).toEqual(['not-in-export']);
    expect(edgesOf(r)).toEqual(new Set([`${id('sa', 'team/ghost')}|MEMBER_OF|${id('role', 'team/secret-reader')}`]));
    expect(nodesOf(r, 'Resource')).toEqual(new Set([CLUSTER_ADMIN, 'k8s/default/node-access', 'k8s/default/kube-system-secrets']));
  });

  it('IRSA: the annotated service account may assume the AWS role (the AWS source\'s id); a non-role ARN is a warning', async () => {
    const r = await ingestFixture(`${K8S_FIXTURES}/cases/irsa.yaml`);
    expect(edgesOf(r)).toEqual(new Set([`${id('sa', 'ml/trainer')}|CAN_ASSUME|aws/111122223333/role/sagemaker-trainer`]));
    expect(diagTuples(r.diagnostics)).toEqual([['warning', 'bad-value', 'irsa.yaml', 13, undefined, '$.items[1].metadata.annotations["eks.amazonaws.com/role-arn"]']]);
    expect(r.nodes.find((n) => n.id === id('sa', 'ml/trainer'))?.properties['arn']).toBe('arn:aws:iam::111122223333:role/sagemaker-trainer');
  });

  it('secrets: a token is a fingerprint, never its value', async () => {
    const r = await ingestFixture(`${K8S_FIXTURES}/techniques/secrets-read.yaml`);
    const secret = r.nodes.find((n) => n.id === TOKEN);
    expect(secret?.properties).toEqual({
      platform: 'k8s', provider: 'k8s', status: 'active', x_type: 'kubernetes.io/service-account-token',
      fingerprint: 'sha256:' + (await import('node:crypto')).createHash('sha256').update('fixture-token-for-target').digest('hex').slice(0, 16),
      created_at: '2025-03-01T10:00:00.000Z',
    });
    expect(JSON.stringify(r)).not.toContain('fixture-token-for-target');
    expect(JSON.stringify(r)).not.toContain(Buffer.from('fixture-token-for-target').toString('base64'));
  });
});
