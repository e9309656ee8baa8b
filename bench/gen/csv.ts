// Buffered CSV output: rows are appended to a string chunk that is written synchronously once it passes
// CHUNK_CHARS, so memory stays bounded whatever the size of the inventory.
import { closeSync, openSync, writeSync } from 'node:fs';

const CHUNK_CHARS = 1 << 20;

/** One output file. Cells written by the generator never contain commas, quotes or line breaks. */
export class CsvSink {
  private fd: number;
  private chunk = '';
  /** Data rows written (the header is not counted). */
  rows = 0;
  /** Edges the rows define (edge files: one per row; node files: one per id in a link column). */
  edges = 0;
  /** Bytes written so far. */
  bytes = 0;

  constructor(readonly path: string, header: readonly string[]) {
    this.fd = openSync(path, 'w');
    this.chunk = header.join(',') + '\n';
  }

  /** Appends one row (cells already joined, no trailing newline). */
  line(text: string): void {
    this.chunk += text + '\n';
    this.rows++;
    if (this.chunk.length >= CHUNK_CHARS) this.flush();
  }

  /** Writes the pending chunk. */
  flush(): void {
    if (this.chunk === '') return;
    const buf = Buffer.from(this.chunk, 'utf8');
    this.chunk = '';
    let off = 0;
    while (off < buf.length) off += writeSync(this.fd, buf, off, buf.length - off);
    this.bytes += buf.length;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
