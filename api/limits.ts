// Hard per-request limits of the HTTP API, declared once: route schemas, the engine backend and docs/api.md use them.

/** Limits no request can exceed (schemas reject larger values with 400). */
export const LIMITS = {
  /** Longest path a paths query may ask for, in edges. */
  maxDepth: 12,
  /** Most paths per source/target pair. */
  cap: 10_000,
  /** Most paths one paths request may enumerate in all: the per-pair cap shrinks to fit (pairs × cap ≤ this). */
  pathsPerRequest: 10_000,
  /** Wall-clock budget of one paths or blast computation; enumeration stops after it (truncated: true). */
  timeBudgetMs: 2_000,
  /** Longest selector text. */
  selectorLength: 512,
  /** Most findings per page. */
  pageSize: 100,
  /** Largest request body (JSON graph documents) and largest total upload. */
  uploadBytes: 20 * 1024 * 1024,
  /** Most files in one multipart upload. */
  uploadFiles: 32,
  /** Most canned-query parameters and the longest value. */
  queryParams: 32,
  queryParamLength: 1024,
  /** Most rows a canned query returns over HTTP. */
  queryRows: 10_000,
  /** Cached paths/blast answers kept per served graph. */
  cacheEntries: 512,
} as const;

export type Limits = { -readonly [K in keyof typeof LIMITS]: number };

/** Default rate limit per client address: requests per minute (0 disables). */
export const DEFAULT_RATE_LIMIT = 600;
