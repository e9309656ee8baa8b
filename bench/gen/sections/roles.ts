// Roles: the shared platform-admin (a hub) and read-only roles, and per org unit an admin role over a tree of
// workload roles (with mutual-assume cycles and cross-unit bridges) plus the ML fine-tuning and eval roles.
import { HUB_RESOURCES } from '../population.js';
import { parentRoleSlot, ROLE_FIRST_WORKLOAD, type GenContext } from '../context.js';
import { distinctPicks, Rng, topicOf } from '../random.js';

const ROLE_T = topicOf('role');

/** Local role slots of every org unit; the rest are workload roles. */
export const ROLE = { admin: 0, mlTrain: 1, mlEval: 2, firstWorkload: ROLE_FIRST_WORKLOAD } as const;

export function writeRoles(ctx: GenContext): void {
  const { role, resource, model, sa, secret } = ctx.e.pop;
  const rng = new Rng(ctx.seed, 'roles');
  const out = ctx.out.identities;
  const cj = ctx.e.crownJewels;
  for (let r = 0; r < role.count; r++) {
    const o = role.unitOf(r);
    const id = role.id(r);
    if (r === 0) {
      out.line(`${id},Role,platform-admin,${ctx.owner(-1)},prod,org-wide;admin,aws,,,,arn:aws:iam::100000000000:role/platform-admin,,,,`);
      for (let c = 0; c < cj; c++) ctx.perm(id, 'CAN_ACCESS', resource.id(c), 'admin');
      for (let hub = 0; hub < HUB_RESOURCES.length; hub++) ctx.perm(id, 'CAN_ACCESS', resource.id(cj + hub), 'write');
      continue;
    }
    if (o < 0) {
      out.line(`${id},Role,org-readonly,${ctx.owner(-1)},prod,org-wide,aws,,,,arn:aws:iam::100000000000:role/org-readonly,,,,`);
      for (let hub = 0; hub < HUB_RESOURCES.length; hub++) ctx.perm(id, 'CAN_ACCESS', resource.id(cj + hub), 'read');
      continue;
    }
    const j = role.local(r);
    const base = role.lo(o);
    const size = role.size(o);
    const name = j === ROLE.admin ? 'admin' : j === ROLE.mlTrain ? 'ml-finetune' : j === ROLE.mlEval ? 'ml-eval' : `workload-${j}`;
    out.line(`${id},Role,ou-${o}-${name},${ctx.owner(o)},prod,${ctx.unitTag(o)},aws,,,,arn:aws:iam::${100000000001 + o}:role/${name},,,,`);
    if (j === ROLE.admin) {
      for (let x = resource.lo(o); x < resource.lo(o + 1); x++) {
        if (ctx.resourceTier(x) <= 1) ctx.perm(id, 'CAN_ACCESS', resource.id(x), 'admin');
      }
      for (const s of distinctPicks(rng, sa.lo(o), sa.size(o), 2)) ctx.bind(id, 'CAN_MINT_CREDENTIAL', sa.id(s));
      for (const x of distinctPicks(rng, secret.lo(o), secret.size(o), 3)) ctx.bind(id, 'CAN_READ_SECRET', secret.id(x));
      continue;
    }
    if (j === ROLE.mlTrain) {
      for (let m = model.lo(o); m < model.lo(o + 1); m++) {
        ctx.perm(id, 'CAN_ALTER', model.id(m), 'fine_tune');
        ctx.perm(id, 'CAN_ALTER', model.id(m), 'write_weights');
      }
      if (ctx.sodUnit(o)) ctx.bind(id, 'CAN_ASSUME', role.id(base + ROLE.mlEval));
      continue;
    }
    if (j === ROLE.mlEval) {
      const env = ctx.sodUnit(o) ? 'prod' : 'staging';
      for (let m = model.lo(o); m < model.lo(o + 1); m++) ctx.perm(id, 'CAN_INVOKE', model.id(m), '', env);
      continue;
    }
    // Workload role: assumable by its parent; some siblings trust each other (a cycle).
    ctx.bind(role.id(base + parentRoleSlot(j)), 'CAN_ASSUME', id);
    if (j % 2 === 1 && j + 1 < size && rng.chance(0.15)) {
      ctx.bind(id, 'CAN_ASSUME', role.id(r + 1));
      ctx.bind(role.id(r + 1), 'CAN_ASSUME', id);
    }
    // The last role of some units trusts the last role of the next unit, both ways (cross-account bridge).
    if (j === size - 1 && rng.chance(0.2)) {
      const other = role.id(role.lo(((o + 1) % ctx.e.units) + 1) - 1);
      ctx.bind(id, 'CAN_ASSUME', other);
      ctx.bind(other, 'CAN_ASSUME', id);
    }
    ctx.grantAccess(rng, id, ROLE_T, r, o, rng.powerLaw(4, 2.2, 400), 0.15);
    if (rng.chance(0.3)) {
      for (const x of distinctPicks(rng, secret.lo(o), secret.size(o), 1 + rng.int(2))) ctx.bind(id, 'CAN_READ_SECRET', secret.id(x));
    }
  }
}
