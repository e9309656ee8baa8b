// Non-human identities: service accounts, workload identities, AI agents (personal assistants and service
// agents with tool credentials) and OAuth apps.
import type { GenContext } from '../context.js';
import { ENVS } from '../context.js';
import { distinctPicks, Rng, topicOf } from '../random.js';
import { ROLE } from './roles.js';

const PLATFORMS = ['aws', 'gcp', 'azure', 'k8s', 'github'] as const;
const FRAMEWORKS_PERSONAL = ['cursor', 'claude-desktop', 'copilot', 'claude-code'] as const;
const FRAMEWORKS_SERVICE = ['langchain', 'openai-agents', 'crewai', 'bedrock-agents', 'mcp-server'] as const;
const SA_TOPIC = topicOf('sa');
const WI_TOPIC = topicOf('wi');

export function writeServiceAccounts(ctx: GenContext): void {
  const { sa, role, resource, model, dataset } = ctx.e.pop;
  const rng = new Rng(ctx.seed, 'service-accounts');
  const out = ctx.out.identities;
  for (let s = 0; s < sa.count; s++) {
    const o = sa.unitOf(s);
    const id = sa.id(s);
    if (s === 0) {
      // The LLM gateway: its keys are the tool credentials most agents share.
      out.line(`${id},ServiceAccount,llm-gateway,${ctx.owner(-1)},prod,org-wide;shared,openai,,,,gateway@corp-llm,,,,`);
      for (let t = 0; t < Math.min(20, model.count); t++) ctx.perm(id, 'CAN_INVOKE', model.id(model.spread(t)), '', 'prod');
      continue;
    }
    if (o < 0) {
      out.line(`${id},ServiceAccount,shared-ci-deployer,${ctx.owner(-1)},prod,org-wide;shared,aws,,,,arn:aws:iam::100000000000:user/ci-deployer,,,,`);
      ctx.bind(id, 'MEMBER_OF', role.id(1));
      ctx.perm(id, 'CAN_ACCESS', resource.id(ctx.e.crownJewels + 3), 'write');
      continue;
    }
    const platform = PLATFORMS[s % PLATFORMS.length] as string;
    const env = ENVS[s % 3] as string;
    out.line(`${id},ServiceAccount,,${ctx.owner(o)},${env},${ctx.unitTag(o)},${platform},,,,arn:aws:iam::${100000000001 + o}:user/${id},,,,`);
    const roles = role.lo(o);
    const first = roles + ROLE.firstWorkload + rng.int(role.size(o) - ROLE.firstWorkload);
    ctx.bind(id, rng.chance(0.5) ? 'MEMBER_OF' : 'CAN_ASSUME', role.id(first));
    if (rng.chance(0.25)) {
      const extra = ctx.popularRole(rng.zipf(role.count));
      if (extra !== first) ctx.bind(id, 'CAN_ASSUME', role.id(extra));
    }
    ctx.grantAccess(rng, id, SA_TOPIC, s, o, rng.powerLaw(5, 2.3, 400), 0.2);
    if (rng.chance(0.15)) {
      const u = rng.float();
      ctx.perm(id, 'CAN_INVOKE', model.id(model.spread(rng.zipf(model.count))), '', u < 0.7 ? 'prod' : u < 0.9 ? 'staging' : 'dev');
    }
    if (rng.chance(0.06)) ctx.perm(id, 'CAN_ALTER', dataset.id(dataset.lo(o) + rng.int(dataset.size(o))), 'write_training_data');
    if (rng.chance(0.03)) {
      const other = sa.lo(o) + rng.int(sa.size(o));
      if (other !== s) ctx.bind(id, 'CAN_IMPERSONATE', sa.id(other));
    }
  }
}

export function writeWorkloadIdentities(ctx: GenContext): void {
  const { wi, sa, role, resource } = ctx.e.pop;
  const rng = new Rng(ctx.seed, 'workload-identities');
  const out = ctx.out.identities;
  for (let w = 0; w < wi.count; w++) {
    const o = wi.unitOf(w);
    const id = wi.id(w);
    const env = ENVS[w % 3] as string;
    out.line(`${id},WorkloadIdentity,,${ctx.owner(o)},${env},${ctx.unitTag(o)},k8s,,,,,https://oidc.k8s.corp.example/ou-${o},system:serviceaccount:ou-${o}:${id},,`);
    if (rng.chance(0.5)) ctx.bind(id, 'RUNS_AS', sa.id(sa.lo(o) + rng.int(sa.size(o))));
    else ctx.bind(id, 'CAN_ASSUME', role.id(role.lo(o) + ROLE.firstWorkload + rng.int(role.size(o) - ROLE.firstWorkload)));
    ctx.grantAccess(rng, id, WI_TOPIC, w, o, 2 + rng.int(8), 0.1);
    if (rng.chance(0.05)) ctx.bind(id, 'CAN_IMPERSONATE', sa.id(sa.lo(o) + rng.int(sa.size(o))));
  }
}

export function writeAgents(ctx: GenContext): void {
  const { agent, human, sa, key, model, secret } = ctx.e.pop;
  const rng = new Rng(ctx.seed, 'agents');
  const out = ctx.out.identities;
  for (let a = 0; a < agent.count; a++) {
    const o = agent.unitOf(a);
    const id = agent.id(a);
    if (ctx.agentIsPersonal(a)) {
      const owner = ctx.agentOwner(a);
      const fw = FRAMEWORKS_PERSONAL[a % FRAMEWORKS_PERSONAL.length] as string;
      out.line(`${id},AIAgent,,${ctx.owner(o)},dev,${ctx.unitTag(o)};personal,${fw},,${fw},laptop-${owner},,,,,`);
      ctx.bind(id, 'DELEGATED', human.id(owner), rng.chance(0.6) ? '' : 'invoke;access:read');
      for (let t = 1 + rng.int(2); t > 0; t--) {
        ctx.perm(id, 'CAN_INVOKE', model.id(model.spread(rng.zipf(model.count))), '', t === 1 ? 'prod' : 'dev');
      }
      if (rng.chance(0.1)) ctx.bind(id, 'CAN_READ_SECRET', secret.id(secret.lo(o) + rng.int(secret.size(o))));
      continue;
    }
    const fw = FRAMEWORKS_SERVICE[a % FRAMEWORKS_SERVICE.length] as string;
    out.line(`${id},AIAgent,,${ctx.owner(o)},prod,${ctx.unitTag(o)};service,${fw},,${fw},agents-ou-${o},,,,,`);
    if (rng.chance(0.7)) ctx.bind(id, 'RUNS_AS', sa.id(sa.lo(o) + rng.int(sa.size(o))));
    // Tool credentials: a few keys shared across the whole estate (LLM gateway, search, ticketing) and own ones.
    const keys: number[] = [];
    for (let t = rng.powerLaw(1, 2.5, 8); t > 0; t--) {
      const k = key.spread(rng.zipf(key.count));
      if (!keys.includes(k)) keys.push(k);
    }
    for (const k of keys) ctx.bind(id, 'HAS_CREDENTIAL', key.id(k));
    const models: number[] = [];
    for (let t = 1 + rng.int(3); t > 0; t--) {
      const m = model.spread(rng.zipf(model.count));
      if (!models.includes(m)) models.push(m);
    }
    for (const m of models) ctx.perm(id, 'CAN_INVOKE', model.id(m), '', 'prod');
  }
}

export function writeApps(ctx: GenContext): void {
  const { app } = ctx.e.pop;
  const out = ctx.out.identities;
  for (let a = 0; a < app.count; a++) {
    const scoped = ctx.appScopes(a) === '' ? 'unrestricted' : 'scoped';
    const publisher = a % 5 === 0 ? 'corp' : `vendor-${a % 97}`;
    out.line(`${app.id(a)},OAuthApp,saas-app-${a},${ctx.owner(-1)},prod,${scoped},okta,,,,,,,${publisher},cid-${(a * 2654435761 >>> 0).toString(16)}`);
  }
}
