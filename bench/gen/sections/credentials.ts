// Credentials: API keys of service accounts (some long-lived and never rotated, some expired, some revoked or
// disabled), tokens (human PATs held by agents, workload tokens, OAuth client tokens, sessions) and vault secrets.
import type { GenContext } from '../context.js';
import { ENVS } from '../context.js';
import type { Population } from '../population.js';
import { Rng, topicOf } from '../random.js';
import { ROLE } from './roles.js';

const KEY_PROVIDERS = ['aws', 'gcp', 'openai', 'anthropic', 'azure', 'datadog'] as const;
const KEY_T = topicOf('key');
const TOKEN_T = topicOf('token');
const SECRET_T = topicOf('secret');

/** `status,created_at,expires_at,last_used_at,last_rotated_at` of a credential, by lifecycle profile. */
function lifecycle(ctx: GenContext, rng: Rng, profile: 'key' | 'token' | 'secret'): string {
  const u = rng.float();
  const used = (maxAgo: number): string => (rng.chance(0.12) ? '' : ctx.day(-rng.int(maxAgo)));
  if (u < 0.06) {
    const created = 200 + rng.int(900);
    return `revoked,${ctx.day(-created)},,${ctx.day(-rng.int(created))},`;
  }
  if (u < 0.09) {
    const created = 100 + rng.int(700);
    return `disabled,${ctx.day(-created)},,${used(created)},`;
  }
  if (u < (profile === 'token' ? 0.24 : 0.19)) {
    const expired = 1 + rng.int(profile === 'token' ? 60 : 700);
    const created = expired + (profile === 'token' ? 1 + rng.int(30) : 90 + rng.int(600));
    return `active,${ctx.day(-created)},${ctx.day(-expired)},${ctx.day(-expired - rng.int(created - expired))},`;
  }
  if (profile === 'token' && u < 0.6) {
    // Short-lived: issued today or yesterday, valid for a few days.
    return `active,${ctx.day(-rng.int(2))},${ctx.day(1 + rng.int(30))},${ctx.day(0)},`;
  }
  if (u < (profile === 'secret' ? 0.6 : 0.45) || profile === 'token') {
    // Long-lived, never rotated, no expiry.
    const created = 300 + rng.int(2200);
    return `active,${ctx.day(-created)},,${used(60)},`;
  }
  const created = rng.int(365);
  const rotated = rng.int(created + 1);
  return `active,${ctx.day(-created)},${ctx.day(30 + rng.int(365))},${used(rotated + 1)},${ctx.day(-rotated)}`;
}

/** Holder ids for a credential of org unit o: pipelines, agents, people's laptops and servers. */
function holders(ctx: GenContext, rng: Rng, o: number, n: number): string {
  const { pipeline, agent, human, resource } = ctx.e.pop;
  const picked: string[] = [];
  for (let t = 0; t < n; t++) {
    const u = rng.float();
    const pop: Population = u < 0.4 ? pipeline : u < 0.7 ? agent : u < 0.8 ? human : resource;
    const id = pop.id(pop.lo(o) + rng.int(pop.size(o)));
    if (!picked.includes(id)) picked.push(id);
  }
  return picked.join(';');
}

function emitCredential(ctx: GenContext, line: string, heldBy: string): void {
  const out = ctx.out.credentials;
  out.line(line);
  out.edges += 1 + (heldBy === '' ? 0 : heldBy.split(';').length);
}

export function writeKeys(ctx: GenContext): void {
  const { key, sa } = ctx.e.pop;
  const rng = new Rng(ctx.seed, 'keys');
  for (let k = 0; k < key.count; k++) {
    const s = Math.floor((k * sa.count) / key.count);
    const o = Math.max(0, sa.unitOf(s));
    const held = rng.chance(0.1) ? '' : holders(ctx, rng, o, rng.powerLaw(1, 2.6, 12));
    const provider = KEY_PROVIDERS[k % KEY_PROVIDERS.length] as string;
    const life = lifecycle(ctx, rng, 'key');
    emitCredential(ctx, `${key.id(k)},APIKey,${ctx.owner(sa.unitOf(s))},${ENVS[k % 3]},${provider},${life},${ctx.fingerprint(KEY_T, k)},${held},${sa.id(s)},${ctx.unitTag(sa.unitOf(s))}`, held);
  }
}

export function writeTokens(ctx: GenContext): void {
  const { token, human, agent, wi, app, sa, pipeline, resource } = ctx.e.pop;
  const rng = new Rng(ctx.seed, 'tokens');
  for (let t = 0; t < token.count; t++) {
    const o = token.unitOf(t);
    const u = rng.float();
    let as: string;
    let held: string;
    let provider: string;
    if (u < 0.35) {
      // A person's PAT, pasted into an agent (their own assistant, or a service agent) or a pipeline.
      const a = agent.lo(o) + rng.int(agent.size(o));
      const owner = ctx.agentIsPersonal(a) ? ctx.agentOwner(a) : human.lo(o) + rng.int(human.size(o));
      as = human.id(owner);
      held = rng.chance(0.8) ? agent.id(a) : pipeline.id(pipeline.lo(o) + rng.int(pipeline.size(o)));
      provider = 'github';
    } else if (u < 0.7) {
      as = wi.id(wi.lo(o) + rng.int(wi.size(o)));
      held = rng.chance(0.6) ? pipeline.id(pipeline.lo(o) + rng.int(pipeline.size(o))) : resource.id(resource.lo(o) + rng.int(resource.size(o)));
      provider = 'k8s';
    } else if (u < 0.85) {
      as = app.id(app.spread(rng.zipf(app.count)));
      held = agent.id(agent.lo(o) + rng.int(agent.size(o)));
      provider = 'okta';
    } else {
      as = sa.id(sa.lo(o) + rng.int(sa.size(o)));
      held = holders(ctx, rng, o, 1 + rng.int(2));
      provider = 'aws';
    }
    const life = lifecycle(ctx, rng, 'token');
    emitCredential(ctx, `${token.id(t)},Token,${ctx.owner(o)},${ENVS[t % 3]},${provider},${life},${ctx.fingerprint(TOKEN_T, t)},${held},${as},${ctx.unitTag(o)}`, held);
  }
}

export function writeSecrets(ctx: GenContext): void {
  const { secret, sa, role, wi } = ctx.e.pop;
  const rng = new Rng(ctx.seed, 'secrets');
  for (let x = 0; x < secret.count; x++) {
    const o = secret.unitOf(x);
    const u = rng.float();
    const as = u < 0.6 ? sa.id(sa.lo(o) + rng.int(sa.size(o)))
      : u < 0.85 ? role.id(role.lo(o) + ROLE.firstWorkload + rng.int(role.size(o) - ROLE.firstWorkload))
        : wi.id(wi.lo(o) + rng.int(wi.size(o)));
    const held = holders(ctx, rng, o, 1);
    const life = lifecycle(ctx, rng, 'secret');
    emitCredential(ctx, `${secret.id(x)},Secret,${ctx.owner(o)},${ENVS[x % 3]},vault,${life},${ctx.fingerprint(SECRET_T, x)},${held},${as},${ctx.unitTag(o)}`, held);
  }
}
