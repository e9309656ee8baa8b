// Error classes and diagnostic codes: the only place where error codes are defined.
// cli/main.ts and the API map each class once (exit 2 / 4xx); tests assert classes, not wording.

export const ERROR_CODES = ['input', 'config', 'not-found', 'usage', 'store-unavailable', 'engine'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Base class of every error pathwarden raises on purpose. */
export class PathwardenError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

/** Location of a problem in user input. */
export interface InputLocation {
  readonly source?: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly field?: string;
}

/** Unusable user input (unreadable file, wrong header, bad JSON): names file, line, column and field. */
export class InputError extends PathwardenError {
  readonly location: InputLocation;
  constructor(message: string, location: InputLocation = {}, options?: { cause?: unknown }) {
    super('input', message, options);
    this.location = location;
  }
  /** `file:line:col field: message`, the one-line form the CLI prints. */
  override toString(): string {
    return `${formatLocation(this.location)}${this.message}`;
  }
}

export class ConfigError extends PathwardenError {
  constructor(message: string, options?: { cause?: unknown }) { super('config', message, options); }
}
export class NotFoundError extends PathwardenError {
  constructor(message: string, options?: { cause?: unknown }) { super('not-found', message, options); }
}
export class UsageError extends PathwardenError {
  constructor(message: string, options?: { cause?: unknown }) { super('usage', message, options); }
}
export class StoreUnavailableError extends PathwardenError {
  constructor(message: string, options?: { cause?: unknown }) { super('store-unavailable', message, options); }
}
/** Bad arguments to an engine function (unknown node, bad option). */
export class EngineError extends PathwardenError {
  constructor(message: string, options?: { cause?: unknown }) { super('engine', message, options); }
}

/** Formats a location as `file:line:col field: ` (empty parts are left out). */
export function formatLocation(loc: InputLocation): string {
  let out = '';
  if (loc.file) {
    out += loc.file;
    if (loc.line !== undefined) out += `:${loc.line}`;
    if (loc.line !== undefined && loc.column !== undefined) out += `:${loc.column}`;
    out += ' ';
  }
  if (loc.field) out += `${loc.field}: `;
  else if (out) out = `${out.trimEnd()}: `;
  return out;
}
