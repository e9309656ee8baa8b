// AI assets and systems: models (tiered, per environment), datasets that train them, ML pipelines that train
// or deploy them (running as the unit's ML roles), CI pipelines, and resources from crown jewels to the long tail.
import type { GenContext } from '../context.js';
import { CROWN_JEWELS, HUB_RESOURCES } from '../population.js';
import { distinctPicks, Rng, topicOf } from '../random.js';

const PIPELINE_T = topicOf('pipeline');
import { ROLE } from './roles.js';

const MODEL_PROVIDERS = ['bedrock', 'vertex', 'sagemaker', 'openai', 'self-hosted'] as const;
const CLASSIFICATIONS = ['public', 'internal', 'confidential', 'pii'] as const;
const RESOURCE_TYPES = ['database', 'bucket', 'saas', 'cluster', 'queue', 'warehouse', 'vm'] as const;

export function writeModels(ctx: GenContext): void {
  const { model } = ctx.e.pop;
  const out = ctx.out.assets;
  for (let m = 0; m < model.count; m++) {
    const o = model.unitOf(m);
    const provider = MODEL_PROVIDERS[m % MODEL_PROVIDERS.length] as string;
    out.line(`${model.id(m)},Model,${ctx.owner(o)},${ctx.modelEnv(m)},${ctx.unitTag(o)};ml,${provider},${ctx.modelTier(m)},${provider},,,,`);
  }
}

export function writeDatasets(ctx: GenContext): void {
  const { dataset, model } = ctx.e.pop;
  const rng = new Rng(ctx.seed, 'datasets');
  const out = ctx.out.assets;
  for (let d = 0; d < dataset.count; d++) {
    const o = dataset.unitOf(d);
    const trains = distinctPicks(rng, model.lo(o), model.size(o), 1 + rng.int(2)).map((m) => model.id(m));
    const cls = CLASSIFICATIONS[d % CLASSIFICATIONS.length] as string;
    out.line(`${dataset.id(d)},Dataset,${ctx.owner(o)},,${ctx.unitTag(o)},s3,,,${cls},,${trains.join(';')},`);
    out.edges += trains.length;
  }
}

export function writePipelines(ctx: GenContext): void {
  const { pipeline, model, role, sa, wi, resource } = ctx.e.pop;
  const rng = new Rng(ctx.seed, 'pipelines');
  const out = ctx.out.assets;
  for (let p = 0; p < pipeline.count; p++) {
    const o = pipeline.unitOf(p);
    const j = pipeline.local(p);
    const id = pipeline.id(p);
    const repo = `git.corp.example/ou-${o}/repo-${j >> 2}`;
    const ml = j < Math.min(2 * model.size(o), pipeline.size(o));
    if (ml) {
      // Slots 2i and 2i+1 train and deploy the unit's model i, running as its fine-tune and eval roles.
      const m = model.id(model.lo(o) + (j >> 1));
      const trains = j % 2 === 0;
      out.line(`${id},Pipeline,${ctx.owner(o)},prod,${ctx.unitTag(o)};ml,sagemaker,,,,${repo},${trains ? m : ''},${trains ? '' : m}`);
      out.edges++;
      ctx.bind(id, 'RUNS_AS', role.id(role.lo(o) + (trains ? ROLE.mlTrain : ROLE.mlEval)));
      continue;
    }
    out.line(`${id},Pipeline,${ctx.owner(o)},prod,${ctx.unitTag(o)};ci,github-actions,,,,${repo},,`);
    if (rng.chance(0.6)) ctx.bind(id, 'RUNS_AS', sa.id(sa.lo(o) + rng.int(sa.size(o))));
    else ctx.bind(id, 'RUNS_AS', wi.id(wi.lo(o) + rng.int(wi.size(o))));
    if (rng.chance(0.3)) ctx.perm(id, 'CAN_ACCESS', resource.id(ctx.e.crownJewels + 3), 'write');
    else ctx.grantAccess(rng, id, PIPELINE_T, p, o, 1 + rng.int(4), 0.3);
  }
}

export function writeResources(ctx: GenContext): void {
  const { resource } = ctx.e.pop;
  const out = ctx.out.resources;
  const cj = ctx.e.crownJewels;
  for (let x = 0; x < resource.count; x++) {
    const o = resource.unitOf(x);
    const tier = ctx.resourceTier(x);
    let name: string;
    let type: string;
    if (x < cj) {
      const jewel = CROWN_JEWELS[x % CROWN_JEWELS.length] as (typeof CROWN_JEWELS)[number];
      name = x < CROWN_JEWELS.length ? jewel.name : `${jewel.name}-${x}`;
      type = jewel.type;
    } else if (x < cj + HUB_RESOURCES.length) {
      const hub = HUB_RESOURCES[x - cj] as (typeof HUB_RESOURCES)[number];
      name = hub.name;
      type = hub.type;
    } else {
      type = RESOURCE_TYPES[x % RESOURCE_TYPES.length] as string;
      name = `ou-${o}-${type}-${x}`;
    }
    const tags = tier === 0 ? `${ctx.unitTag(o)};crown-jewel` : ctx.unitTag(o);
    out.line(`${resource.id(x)},${name},${ctx.owner(o)},prod,${tier},${type},aws,${tags}`);
  }
}
