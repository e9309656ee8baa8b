// How records cross from a worker to the main thread: a batch is one flat array of fields, serialized with
// node:v8 (exact for every value) and rebuilt on the main thread. Fields every record of a file shares (source,
// file) stay behind, so a batch costs about a third of cloning the record objects (measured on a 100k inventory).
import { deserialize, serialize } from 'node:v8';
import type { EdgeRecord, NodeRecord, PropValue, Provenance } from '../../src/model/index.js';
import type { RecordSink } from '../types.js';

/** Records per batch. */
export const BATCH_RECORDS = 2048;

const EDGE = 0;
const NODE = 1;
const RAW_EDGE = 2;
const RAW_NODE = 3;
const HAS_OWNER = 1;
const HAS_ENVIRONMENT = 2;

/** Collects records of one file (or range) into flat batches; `flush` hands each full batch over as bytes. */
export class BatchEncoder implements RecordSink {
  private items: unknown[] = [];
  private count = 0;

  constructor(
    private readonly source: string,
    private readonly display: string,
    private readonly flush: (bytes: Buffer) => void,
  ) {}

  node(record: NodeRecord): void {
    const bits = ('owner' in record ? HAS_OWNER : 0) | ('environment' in record ? HAS_ENVIRONMENT : 0);
    const keys = 7 + (bits & HAS_OWNER) + (bits >> 1);
    if (this.isShared(record, keys)) {
      this.items.push(NODE, record.id, record.kind, record.name, bits, record.owner, record.environment, record.tags, record.properties, record.provenance.line);
    } else {
      this.items.push(RAW_NODE, record);
    }
    if (++this.count === BATCH_RECORDS) this.end();
  }

  edge(record: EdgeRecord): void {
    if (this.isShared(record, 6)) {
      this.items.push(EDGE, record.kind, record.from, record.to, record.properties, record.provenance.line);
    } else {
      this.items.push(RAW_EDGE, record);
    }
    if (++this.count === BATCH_RECORDS) this.end();
  }

  /** Hands over what is collected (if anything). */
  end(): void {
    if (this.count === 0) return;
    const bytes = serialize(this.items);
    this.items = [];
    this.count = 0;
    this.flush(bytes);
  }

  /** True when the record has exactly its interface's keys and the provenance every row of this file has, but the line. */
  private isShared(record: NodeRecord | EdgeRecord, keys: number): boolean {
    const p = record.provenance;
    return record.source === this.source && p.source === this.source && p.file === this.display && typeof p.line === 'number'
      && p.path === undefined && Object.keys(p).length === 3 && Object.keys(record).length === keys;
  }
}

/** Rebuilds the records of one file's batches, in order, into a sink. Consecutive records of one line share a provenance. */
export class BatchDecoder {
  private provenance: Provenance | undefined;

  constructor(private readonly source: string, private readonly display: string) {}

  /** Sends every record of the batch to the sink. */
  decode(bytes: Uint8Array, sink: RecordSink): void {
    const items = deserialize(bytes) as unknown[];
    // NOTE: the layouts here mirror BatchEncoder.node/edge field for field; keys are set in NodeRecord/EdgeRecord order.
    for (let i = 0; i < items.length;) {
      const tag = items[i];
      if (tag === EDGE) {
        sink.edge({
          kind: items[i + 1], from: items[i + 2], to: items[i + 3], source: this.source,
          properties: items[i + 4], provenance: this.at(items[i + 5] as number),
        } as EdgeRecord);
        i += 6;
      } else if (tag === NODE) {
        sink.node(this.node(items, i));
        i += 10;
      } else {
        if (tag === RAW_EDGE) sink.edge(items[i + 1] as EdgeRecord);
        else sink.node(items[i + 1] as NodeRecord);
        i += 2;
      }
    }
  }

  private node(items: readonly unknown[], i: number): NodeRecord {
    const bits = items[i + 4] as number;
    const node: Record<string, unknown> = { id: items[i + 1], kind: items[i + 2], name: items[i + 3] };
    if (bits & HAS_OWNER) node.owner = items[i + 5];
    if (bits & HAS_ENVIRONMENT) node.environment = items[i + 6];
    node.tags = items[i + 7] as readonly string[];
    node.source = this.source;
    node.properties = items[i + 8] as Record<string, PropValue>;
    node.provenance = this.at(items[i + 9] as number);
    return node as unknown as NodeRecord;
  }

  private at(line: number): Provenance {
    if (this.provenance?.line !== line) this.provenance = { source: this.source, file: this.display, line };
    return this.provenance;
  }
}
