// A growable Int32Array for the scratch state of the per-source and per-target searches.

/** A growable Int32Array: search states, whose number is known only as the search goes. */
export class Column {
  data: Int32Array;
  constructor(size: number) {
    this.data = new Int32Array(Math.max(16, size));
  }
  set(i: number, v: number): void {
    if (i >= this.data.length) {
      const next = new Int32Array(Math.max(16, this.data.length * 2, i + 1));
      next.set(this.data);
      this.data = next;
    }
    this.data[i] = v;
  }
}
