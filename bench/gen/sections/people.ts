// Humans, their groups (all-staff → department → teams, nested) and the OAuth consents they gave.
import type { GenContext } from '../context.js';
import { distinctPicks, Rng, topicOf } from '../random.js';

const GROUP_T = topicOf('group');
const HUMAN_T = topicOf('human');

/** Local group slots of every org unit; the rest are team groups. */
export const GROUP = { dept: 0, ml: 1, admins: 2, firstTeam: 3 } as const;

export function writeGroups(ctx: GenContext): void {
  const { group, role, resource, model, dataset, pipeline } = ctx.e.pop;
  const rng = new Rng(ctx.seed, 'groups');
  const out = ctx.out.identities;
  for (let g = 0; g < group.count; g++) {
    const o = group.unitOf(g);
    const id = group.id(g);
    if (o < 0) {
      out.line(`${id},Group,all-staff,${ctx.owner(-1)},,org-wide,okta,,,,,,,,`);
      ctx.perm(id, 'CAN_ACCESS', resource.id(ctx.e.crownJewels + 1), 'read', '', 'files.read');
      ctx.perm(id, 'CAN_ACCESS', resource.id(ctx.e.crownJewels + 2), 'write');
      ctx.perm(id, 'CAN_INVOKE', model.id(model.spread(0)), '', 'prod');
      continue;
    }
    const j = group.local(g);
    const dept = group.id(group.lo(o));
    const name = j === GROUP.dept ? 'dept' : j === GROUP.ml ? 'ml-engineers' : j === GROUP.admins ? 'admins' : `team-${j}`;
    out.line(`${id},Group,ou-${o}-${name},${ctx.owner(o)},,${ctx.unitTag(o)},okta,,,,,,,,`);
    const roles = role.lo(o);
    const mlPipelines = Math.min(2 * model.size(o), pipeline.size(o));
    if (j === GROUP.dept) {
      for (const r of distinctPicks(rng, resource.lo(o), resource.size(o), 3)) {
        if (ctx.resourceTier(r) >= 3) ctx.perm(id, 'CAN_ACCESS', resource.id(r), 'read', '', 'files.read');
      }
      for (const m of distinctPicks(rng, model.lo(o), model.size(o), 2)) ctx.perm(id, 'CAN_INVOKE', model.id(m), '', 'dev');
      continue;
    }
    // Nested membership: most groups sit in the department, some teams inside another team.
    const parent = j > GROUP.firstTeam && rng.chance(0.3) ? group.id(g - 1) : dept;
    ctx.bind(id, 'MEMBER_OF', parent);
    if (j === GROUP.ml) {
      ctx.bind(id, 'CAN_ASSUME', role.id(roles + 1));
      for (let p = 0; p < mlPipelines; p++) ctx.perm(id, 'CAN_ALTER', pipeline.id(pipeline.lo(o) + p), 'configure');
      for (const d of distinctPicks(rng, dataset.lo(o), dataset.size(o), 2)) ctx.perm(id, 'CAN_ALTER', dataset.id(d), 'write_training_data');
    } else if (j === GROUP.admins) {
      ctx.bind(id, 'CAN_ASSUME', role.id(roles));
    } else {
      for (const r of distinctPicks(rng, roles + 3, role.size(o) - 3, 1 + rng.int(2))) ctx.bind(id, 'CAN_ASSUME', role.id(r));
      const ci = pipeline.size(o) - mlPipelines;
      for (const p of distinctPicks(rng, pipeline.lo(o) + mlPipelines, ci, 2 + rng.int(3))) ctx.perm(id, 'CAN_ALTER', pipeline.id(p), 'configure');
      ctx.grantAccess(rng, id, GROUP_T, g, o, 2 + rng.int(4), 0.2);
    }
  }
}

export function writeHumans(ctx: GenContext): void {
  const { human, group, role, resource, app } = ctx.e.pop;
  const rng = new Rng(ctx.seed, 'humans');
  const out = ctx.out.identities;
  const grants = ctx.out.grants;
  const allStaff = group.id(0);
  const chosen: number[] = [];
  for (let h = 0; h < human.count; h++) {
    const o = human.unitOf(h);
    const id = human.id(h);
    out.line(`${id},Human,user-${h},${ctx.owner(o)},,${ctx.unitTag(o)},okta,user-${h}@corp.example,,,,,,,`);
    ctx.bind(id, 'MEMBER_OF', allStaff);
    const groups = group.lo(o);
    const teams = group.size(o) - GROUP.firstTeam;
    const team = rng.chance(0.18) || teams <= 0 ? groups + GROUP.ml : groups + GROUP.firstTeam + rng.int(teams);
    ctx.bind(id, 'MEMBER_OF', group.id(team));
    if (rng.chance(0.06)) ctx.bind(id, 'MEMBER_OF', group.id(groups + GROUP.admins));
    if (rng.chance(0.003)) ctx.bind(id, 'CAN_ASSUME', role.id(0));
    if (rng.chance(0.3)) ctx.grantAccess(rng, id, HUMAN_T, h, o, 1 + rng.int(2), 0);
    // OAuth consents: a few popular apps for most people, a long tail of rarely used ones.
    const n = rng.powerLaw(1, 2.4, 40) - (rng.chance(0.3) ? 1 : 0);
    chosen.length = 0;
    for (let t = 0; t < n; t++) {
      const a = app.spread(rng.zipf(app.count));
      if (chosen.includes(a)) continue;
      chosen.push(a);
      const expiredAgo = rng.chance(0.1) ? 1 + rng.int(400) : 0;
      const createdAgo = expiredAgo + 30 + rng.int(900);
      const expires = expiredAgo > 0 ? ctx.day(-expiredAgo) : rng.chance(0.2) ? ctx.day(30 + rng.int(600)) : '';
      grants.line(`${app.id(a)},${id},${ctx.appScopes(a)},${ctx.day(-createdAgo)},${expires}`);
      grants.edges++;
    }
  }
}
