// The API's response shapes, as the page uses them: imported (types only) from api/schemas, never restated.
import type { Static } from 'typebox';
import type { BlastResponse, PathsResponse } from '../../api/schemas/analysis.js';
import type { DiffResponse } from '../../api/schemas/diff.js';
import type { FindingSchema, FindingsPage, FindingSummary } from '../../api/schemas/findings.js';
import type { KindsCatalogue } from '../../api/schemas/kinds.js';
import type { ScopeResponse } from '../../api/schemas/scope.js';
import type { EdgeRefSchema, NodeRefSchema, RankedPathSchema } from '../../api/schemas/common.js';

export type { BlastResponse, DiffResponse, FindingsPage, FindingSummary, KindsCatalogue, PathsResponse, ScopeResponse };
export type Finding = Static<typeof FindingSchema>;
export type NodeRef = Static<typeof NodeRefSchema>;
// NOTE: kind widened to string: the scope schema types its edges' kind as a plain string.
export type EdgeRef = Omit<Static<typeof EdgeRefSchema>, 'kind'> & { kind: string };
export type RankedPath = Static<typeof RankedPathSchema>;
/** A path as drawn: its nodes in order and the edges between them (declared with the shared picture model). */
export type { PathLike } from '../../src/report/picture/model.js';
