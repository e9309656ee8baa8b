// Seeded randomness for the generator: a sequential PRNG for choices inside one section, a stateless hash for
// facts several sections must agree on (an agent's type, a resource's tier), and heavy-tailed draws.

/** A 32-bit integer mix (lowbias32); the same input always gives the same output. */
export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A stateless hash of (seed, topic, index) in [0, 2^32). */
export function hash3(seed: number, topic: number, index: number): number {
  return mix32(mix32(mix32(seed) ^ Math.imul(topic, 0x9e3779b1)) ^ Math.imul(index, 0x85ebca6b));
}

/** Small integer constant for a topic name, so hashes of different facts differ. */
export function topicOf(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** sfc32: a small, fast, seeded PRNG. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d = 1;

  constructor(seed: number, topic: string) {
    this.a = hash3(seed, topicOf(topic), 1);
    this.b = hash3(seed, topicOf(topic), 2);
    this.c = hash3(seed, topicOf(topic), 3);
    for (let i = 0; i < 12; i++) this.next32();
  }

  /** Uniform in [0, 2^32). */
  next32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  /** A Zipf-like rank in [0, n): P(k) roughly proportional to 1/(k+1). */
  zipf(n: number): number {
    return zipfRank(n, this.float());
  }

  /**
   * A power-law count >= min with tail exponent alpha (P(k) ~ k^-alpha), capped at max: most draws are near
   * min, a few are huge (over-privileged identities, shared keys).
   */
  powerLaw(min: number, alpha: number, max: number): number {
    const u = 1 - this.float();
    return Math.min(max, Math.floor(min * Math.pow(u, -1 / (alpha - 1))));
  }

  /** One element of a list. */
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)] as T;
  }
}

/** Inverse CDF of a continuous 1/x law on [1, n+1), floored: rank 0 is the most likely. */
export function zipfRank(n: number, u: number): number {
  if (n <= 1) return 0;
  const k = Math.floor(Math.pow(n + 1, u)) - 1;
  return k < 0 ? 0 : k >= n ? n - 1 : k;
}

/** Uniform [0, 1) from the stateless hash. */
export function unit(seed: number, topic: number, index: number): number {
  return hash3(seed, topic, index) / 4294967296;
}

const STRIDES = [7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47];

/** `k` distinct indices from [lo, lo + size) (k is capped at size): a random start and a stride coprime with size. */
export function distinctPicks(rng: Rng, lo: number, size: number, k: number): number[] {
  const n = Math.min(k, size);
  const out: number[] = new Array<number>(n);
  if (n === 0) return out;
  const start = rng.int(size);
  let stride = 1;
  for (let t = 0, s = rng.int(STRIDES.length); t < STRIDES.length; t++) {
    const p = STRIDES[(s + t) % STRIDES.length] as number;
    if (size % p !== 0) {
      stride = p;
      break;
    }
  }
  for (let t = 0; t < n; t++) out[t] = lo + ((start + t * stride) % size);
  return out;
}
