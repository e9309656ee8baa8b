// Expected results of the edge fixtures in test/fixtures/edges/<KIND>/{positive,negative}, worked out by hand
// from docs/edges.md § Path semantics (not from engine output). Read by test/model/edge-kinds.test.ts.
import type { EdgeKind } from '../../src/model/index.js';

/** What one source reaches: ids it can act as (itself included) and capabilities as `effect target action`. */
export interface ReachExpectation {
  readonly actAs: readonly string[];
  readonly caps: readonly string[];
}

/** Every simple path from `from` ending with the capability `cap` (`effect target action`), drawn `a -KIND-> b`. */
export interface PathsExpectation {
  readonly from: string;
  readonly cap: string;
  readonly paths: readonly string[];
}

export interface FixtureExpectation {
  /** By source id. An inactive (revoked, expired) credential source reaches nothing, not even itself. */
  readonly reach: Readonly<Record<string, ReachExpectation>>;
  readonly paths: readonly PathsExpectation[];
  /** All findings of the fixture as `rule source target`, when the kind feeds a finding rule. */
  readonly findings?: readonly string[];
}

export interface EdgeFixtureExpectations {
  readonly positive: FixtureExpectation;
  readonly negative: FixtureExpectation;
}

const none: ReachExpectation = { actAs: [], caps: [] };

export const EDGE_FIXTURES = {
  AUTHENTICATES_AS: {
    positive: {
      reach: {
        'agent/bot': { actAs: ['agent/bot', 'key/ci', 'sa/deployer'], caps: ['access res/db admin'] },
        'key/ci': { actAs: ['key/ci', 'sa/deployer'], caps: ['access res/db admin'] },
      },
      paths: [{
        from: 'agent/bot', cap: 'access res/db admin',
        paths: ['agent/bot -HAS_CREDENTIAL-> key/ci -AUTHENTICATES_AS-> sa/deployer -CAN_ACCESS-> res/db'],
      }],
      findings: ['sensitive-reach agent/bot res/db', 'sensitive-reach key/ci res/db', 'sensitive-reach sa/deployer res/db'],
    },
    negative: {
      reach: { 'agent/bot': { actAs: ['agent/bot'], caps: [] }, 'key/ci': none },
      paths: [{ from: 'agent/bot', cap: 'access res/db admin', paths: [] }],
      findings: ['sensitive-reach sa/deployer res/db'],
    },
  },
  HAS_CREDENTIAL: {
    positive: {
      reach: {
        'app/crm': { actAs: ['app/crm', 'human/alice', 'sa/ops', 'token/vault'], caps: ['access res/db admin'] },
        'human/alice': { actAs: ['human/alice', 'sa/ops', 'token/vault'], caps: ['access res/db admin'] },
      },
      paths: [{
        from: 'app/crm', cap: 'access res/db admin',
        paths: ['app/crm -DELEGATED-> human/alice -HAS_CREDENTIAL-> token/vault -AUTHENTICATES_AS-> sa/ops -CAN_ACCESS-> res/db'],
      }],
    },
    negative: {
      reach: {
        'app/crm': { actAs: ['app/crm', 'human/alice'], caps: [] },
        'human/alice': { actAs: ['human/alice', 'sa/ops', 'token/vault'], caps: ['access res/db admin'] },
      },
      paths: [{ from: 'app/crm', cap: 'access res/db admin', paths: [] }],
    },
  },
  CAN_ASSUME: {
    positive: {
      reach: { 'sa/ci': { actAs: ['role/deploy', 'sa/ci'], caps: ['alter model/llm promote'] } },
      paths: [{ from: 'sa/ci', cap: 'alter model/llm promote', paths: ['sa/ci -CAN_ASSUME-> role/deploy -CAN_ALTER-> model/llm'] }],
    },
    negative: {
      reach: { 'sa/ci': { actAs: ['sa/ci'], caps: [] } },
      paths: [{ from: 'sa/ci', cap: 'alter model/llm promote', paths: [] }],
    },
  },
  MEMBER_OF: {
    positive: {
      reach: {
        'app/notes': { actAs: ['app/notes', 'human/bob', 'role/analysts'], caps: ['access res/warehouse read'] },
        'human/bob': { actAs: ['human/bob', 'role/analysts'], caps: ['access res/warehouse read'] },
      },
      paths: [{
        from: 'app/notes', cap: 'access res/warehouse read',
        paths: ['app/notes -DELEGATED-> human/bob -MEMBER_OF-> role/analysts -CAN_ACCESS-> res/warehouse'],
      }],
    },
    negative: {
      reach: {
        'app/notes': { actAs: ['app/notes', 'human/bob'], caps: [] },
        'human/bob': { actAs: ['human/bob', 'role/analysts'], caps: ['access res/warehouse read'] },
      },
      paths: [{ from: 'app/notes', cap: 'access res/warehouse read', paths: [] }],
    },
  },
  DELEGATED: {
    positive: {
      reach: {
        'app/reports': { actAs: ['app/reports', 'human/carol'], caps: ['access res/crm read'] },
        'human/carol': { actAs: ['human/carol'], caps: ['access res/crm admin', 'access res/crm read'] },
      },
      paths: [
        { from: 'app/reports', cap: 'access res/crm read', paths: ['app/reports -DELEGATED-> human/carol -CAN_ACCESS-> res/crm'] },
        { from: 'app/reports', cap: 'access res/crm admin', paths: [] },
      ],
      findings: ['sensitive-reach app/reports res/crm', 'sensitive-reach human/carol res/crm'],
    },
    negative: {
      reach: {
        'app/reports': { actAs: ['app/reports'], caps: [] },
        'human/carol': { actAs: ['human/carol'], caps: ['access res/crm admin', 'access res/crm read'] },
      },
      paths: [{ from: 'app/reports', cap: 'access res/crm read', paths: [] }],
      findings: ['sensitive-reach human/carol res/crm'],
    },
  },
  CAN_IMPERSONATE: {
    positive: {
      reach: { 'agent/ops': { actAs: ['agent/ops', 'sa/admin'], caps: ['access res/vault admin'] } },
      paths: [{ from: 'agent/ops', cap: 'access res/vault admin', paths: ['agent/ops -CAN_IMPERSONATE-> sa/admin -CAN_ACCESS-> res/vault'] }],
      findings: ['sensitive-reach agent/ops res/vault', 'sensitive-reach sa/admin res/vault'],
    },
    negative: {
      reach: {
        'agent/ops': { actAs: ['agent/ops'], caps: [] },
        'sa/admin': { actAs: ['agent/ops', 'sa/admin'], caps: ['access res/vault admin'] },
      },
      paths: [{ from: 'agent/ops', cap: 'access res/vault admin', paths: [] }],
      findings: ['sensitive-reach sa/admin res/vault'],
    },
  },
  CAN_MINT_CREDENTIAL: {
    positive: {
      reach: { 'human/dev': { actAs: ['human/dev', 'sa/etl'], caps: ['access res/lake write'] } },
      paths: [{ from: 'human/dev', cap: 'access res/lake write', paths: ['human/dev -CAN_MINT_CREDENTIAL-> sa/etl -CAN_ACCESS-> res/lake'] }],
    },
    negative: {
      reach: { 'human/dev': { actAs: ['human/dev'], caps: [] } },
      paths: [{ from: 'human/dev', cap: 'access res/lake write', paths: [] }],
    },
  },
  CAN_READ_SECRET: {
    positive: {
      reach: {
        'app/assistant': { actAs: ['app/assistant', 'human/erin', 'sa/db-owner', 'secret/db-password'], caps: ['access res/db admin'] },
      },
      paths: [{
        from: 'app/assistant', cap: 'access res/db admin',
        paths: ['app/assistant -DELEGATED-> human/erin -CAN_READ_SECRET-> secret/db-password -AUTHENTICATES_AS-> sa/db-owner -CAN_ACCESS-> res/db'],
      }],
    },
    negative: {
      reach: {
        'app/assistant': { actAs: ['app/assistant', 'human/erin'], caps: [] },
        'human/erin': { actAs: ['human/erin'], caps: [] },
        'secret/db-password': none,
      },
      paths: [{ from: 'app/assistant', cap: 'access res/db admin', paths: [] }],
    },
  },
  RUNS_AS: {
    positive: {
      reach: {
        'app/chat': { actAs: ['agent/triage', 'app/chat', 'sa/triage'], caps: ['access res/tickets write'] },
        'agent/triage': { actAs: ['agent/triage', 'sa/triage'], caps: ['access res/tickets admin', 'access res/tickets write'] },
      },
      paths: [
        { from: 'agent/triage', cap: 'access res/tickets admin', paths: ['agent/triage -RUNS_AS-> sa/triage -CAN_ACCESS-> res/tickets'] },
        {
          from: 'app/chat', cap: 'access res/tickets write',
          paths: ['app/chat -DELEGATED-> agent/triage -RUNS_AS-> sa/triage -CAN_ACCESS-> res/tickets'],
        },
      ],
    },
    negative: {
      reach: {
        'app/chat': { actAs: ['agent/triage', 'app/chat'], caps: [] },
        'agent/triage': { actAs: ['agent/triage', 'sa/triage'], caps: ['access res/tickets admin', 'access res/tickets write'] },
      },
      paths: [{ from: 'app/chat', cap: 'access res/tickets write', paths: [] }],
    },
  },
  CAN_ALTER: {
    positive: {
      reach: {
        'human/dev': {
          actAs: ['human/dev', 'pipeline/release', 'sa/release'],
          caps: ['access res/prod-db admin', 'alter model/llm edit_prompt', 'alter model/llm train'],
        },
        'app/copilot': {
          actAs: ['app/copilot', 'human/dev', 'pipeline/release', 'sa/release'],
          caps: ['access res/prod-db admin', 'alter model/llm edit_prompt', 'alter model/llm train'],
        },
        // The pipeline's own TRAINS edge is not a capability of the pipeline.
        'pipeline/release': { actAs: ['pipeline/release', 'sa/release'], caps: ['access res/prod-db admin'] },
      },
      paths: [
        { from: 'human/dev', cap: 'alter model/llm edit_prompt', paths: ['human/dev -CAN_ALTER-> model/llm'] },
        { from: 'human/dev', cap: 'alter model/llm train', paths: ['human/dev -CAN_ALTER-> pipeline/release -TRAINS-> model/llm'] },
        {
          from: 'human/dev', cap: 'access res/prod-db admin',
          paths: ['human/dev -CAN_ALTER-> pipeline/release -RUNS_AS-> sa/release -CAN_ACCESS-> res/prod-db'],
        },
      ],
    },
    negative: {
      reach: {
        'app/copilot': { actAs: ['app/copilot', 'human/dev'], caps: ['alter model/llm edit_prompt'] },
        'human/dev': {
          actAs: ['human/dev', 'pipeline/release', 'sa/release'],
          caps: ['access res/prod-db admin', 'alter model/llm edit_prompt', 'alter model/llm train'],
        },
      },
      paths: [
        { from: 'app/copilot', cap: 'alter model/llm train', paths: [] },
        { from: 'app/copilot', cap: 'access res/prod-db admin', paths: [] },
      ],
    },
  },
  CAN_INVOKE: {
    positive: {
      reach: { 'agent/support': { actAs: ['agent/support'], caps: ['alter model/llm edit_prompt', 'invoke model/llm prod'] } },
      paths: [{ from: 'agent/support', cap: 'invoke model/llm prod', paths: ['agent/support -CAN_INVOKE-> model/llm'] }],
      findings: ['sod-alter-invoke agent/support model/llm'],
    },
    negative: {
      reach: { 'agent/support': { actAs: ['agent/support'], caps: ['alter model/llm edit_prompt', 'invoke model/llm staging'] } },
      paths: [{ from: 'agent/support', cap: 'invoke model/llm prod', paths: [] }],
      findings: [],
    },
  },
  CAN_ACCESS: {
    positive: {
      reach: { 'sa/etl': { actAs: ['sa/etl'], caps: ['access res/warehouse read', 'access res/wiki admin'] } },
      paths: [
        { from: 'sa/etl', cap: 'access res/warehouse read', paths: ['sa/etl -CAN_ACCESS-> res/warehouse'] },
        { from: 'sa/etl', cap: 'access res/wiki admin', paths: ['sa/etl -CAN_ACCESS-> res/wiki'] },
      ],
      findings: ['sensitive-reach sa/etl res/warehouse'],
    },
    negative: {
      reach: {
        'sa/etl': { actAs: ['sa/etl'], caps: ['access res/vault admin'] },
        'secret/root': { actAs: ['sa/root', 'secret/root'], caps: ['access res/warehouse admin'] },
      },
      paths: [{ from: 'sa/etl', cap: 'access res/warehouse admin', paths: [] }],
      findings: ['sensitive-reach sa/root res/warehouse', 'sensitive-reach secret/root res/warehouse'],
    },
  },
  TRAINS: {
    positive: {
      reach: { 'human/labeler': { actAs: ['human/labeler'], caps: ['alter model/llm write_training_data'] } },
      paths: [{
        from: 'human/labeler', cap: 'alter model/llm write_training_data',
        paths: ['human/labeler -CAN_ALTER-> dataset/tickets -TRAINS-> model/llm'],
      }],
    },
    negative: {
      reach: { 'human/labeler': { actAs: ['human/labeler'], caps: [] } },
      paths: [{ from: 'human/labeler', cap: 'alter model/llm write_training_data', paths: [] }],
    },
  },
  DEPLOYS: {
    positive: {
      reach: {
        'human/dev': { actAs: ['human/dev', 'pipeline/cd', 'sa/cd'], caps: ['alter model/llm deploy'] },
        'pipeline/cd': { actAs: ['pipeline/cd', 'sa/cd'], caps: [] },
      },
      paths: [{ from: 'human/dev', cap: 'alter model/llm deploy', paths: ['human/dev -CAN_ALTER-> pipeline/cd -DEPLOYS-> model/llm'] }],
    },
    negative: {
      reach: {
        'human/dev': { actAs: ['human/dev', 'pipeline/cd', 'sa/cd'], caps: [] },
        'pipeline/cd': { actAs: ['pipeline/cd', 'sa/cd'], caps: [] },
      },
      paths: [{ from: 'human/dev', cap: 'alter model/llm deploy', paths: [] }],
    },
  },
} as const satisfies Record<EdgeKind, EdgeFixtureExpectations>;
