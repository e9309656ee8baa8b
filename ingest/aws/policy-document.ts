// IAM policy documents: the normalised statement shape and parsing from an object, JSON text or the URL-encoded
// JSON the raw IAM API returns. Evaluation is policy.ts.
/** One statement, normalised: lists instead of string-or-list; action patterns lower-cased (actions are case-insensitive). */
export interface Statement {
  readonly effect: 'Allow' | 'Deny';
  readonly actions?: readonly string[];
  readonly notActions?: readonly string[];
  readonly resources?: readonly string[];
  readonly notResources?: readonly string[];
  /** Principal element of a resource (trust) policy: type (AWS, Service, Federated, CanonicalUser, or `*`) → values. */
  readonly principals?: Readonly<Record<string, readonly string[]>>;
  /** True when the statement uses NotPrincipal (not resolved: reported and skipped by trust resolution). */
  readonly notPrincipal?: boolean;
  /** Condition block as written: operator → key → values. */
  readonly condition?: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
}

/** A parsed policy document with a label for messages (policy name or ARN). */
export interface PolicyDocument {
  readonly label: string;
  readonly statements: readonly Statement[];
}

/** A policy that allows everything: what a principal holds after attaching AdministratorAccess to itself. */
export const ALLOW_ALL: PolicyDocument = { label: 'AdministratorAccess (attached by the technique)', statements: [{ effect: 'Allow', actions: ['*'], resources: ['*'] }] };

/** A parse failure: what is wrong and where in the document (`.Statement[2].Effect`). */
export interface PolicyError {
  readonly at: string;
  readonly reason: string;
}

type Obj = Record<string, unknown>;

/** Parses a policy document given as an object, JSON text or URL-encoded JSON text. */
export function parsePolicyDocument(raw: unknown, label: string): PolicyDocument | PolicyError {
  let value = raw;
  if (typeof raw === 'string') {
    const decoded = decodePolicyText(raw);
    if (decoded === undefined) return { at: '', reason: 'the policy document is neither JSON nor URL-encoded JSON' };
    value = decoded;
  }
  if (!isObj(value)) return { at: '', reason: 'the policy document must be an object' };
  const rawStatements = value['Statement'];
  if (rawStatements === undefined) return { at: '.Statement', reason: 'the policy document has no Statement' };
  const list = Array.isArray(rawStatements) ? rawStatements : [rawStatements];
  const statements: Statement[] = [];
  for (const [i, s] of list.entries()) {
    const parsed = parseStatement(s);
    if ('reason' in parsed) return { at: `.Statement${Array.isArray(rawStatements) ? `[${i}]` : ''}${parsed.at}`, reason: parsed.reason };
    statements.push(parsed);
  }
  return { label, statements };
}

/** JSON text, or URL-encoded JSON text (the raw IAM API encodes documents per RFC 3986). */
function decodePolicyText(text: string): unknown {
  for (const candidate of [text, safeDecode(text)]) {
    if (candidate === undefined) continue;
    try {
      return JSON.parse(candidate) as unknown;
    } catch {
      // try the next form
    }
  }
  return undefined;
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, '%20'));
  } catch {
    return undefined;
  }
}

function parseStatement(raw: unknown): Statement | PolicyError {
  if (!isObj(raw)) return { at: '', reason: 'a statement must be an object' };
  const effect = raw['Effect'];
  if (effect !== 'Allow' && effect !== 'Deny') return { at: '.Effect', reason: 'Effect must be "Allow" or "Deny"' };
  const out: { -readonly [K in keyof Statement]: Statement[K] } = { effect };
  for (const [key, field, lower] of [['Action', 'actions', true], ['NotAction', 'notActions', true], ['Resource', 'resources', false], ['NotResource', 'notResources', false]] as const) {
    if (raw[key] === undefined) continue;
    const list = stringList(raw[key]);
    if (list === undefined) return { at: `.${key}`, reason: `${key} must be a string or a list of strings` };
    out[field] = lower ? list.map((a) => a.toLowerCase()) : list;
  }
  if (out.actions === undefined && out.notActions === undefined) return { at: '.Action', reason: 'a statement needs Action or NotAction' };
  const principal = raw['Principal'] ?? raw['NotPrincipal'];
  if (principal !== undefined) {
    const principals = parsePrincipals(principal);
    if (principals === undefined) return { at: raw['Principal'] !== undefined ? '.Principal' : '.NotPrincipal', reason: 'Principal must be "*" or an object of strings or lists' };
    out.principals = principals;
    if (raw['NotPrincipal'] !== undefined) out.notPrincipal = true;
  }
  const condition = raw['Condition'];
  if (condition !== undefined) {
    const parsed = parseCondition(condition);
    if (parsed === undefined) return { at: '.Condition', reason: 'Condition must map operators to keys and values' };
    if (Object.keys(parsed).length > 0) out.condition = parsed;
  }
  return out;
}

function parsePrincipals(raw: unknown): Record<string, string[]> | undefined {
  if (raw === '*') return { '*': ['*'] };
  if (!isObj(raw)) return undefined;
  const out: Record<string, string[]> = {};
  for (const [type, values] of Object.entries(raw)) {
    const list = stringList(values);
    if (list === undefined) return undefined;
    out[type] = list;
  }
  return out;
}

function parseCondition(raw: unknown): Record<string, Record<string, string[]>> | undefined {
  if (!isObj(raw)) return undefined;
  const out: Record<string, Record<string, string[]>> = {};
  for (const [op, block] of Object.entries(raw)) {
    if (!isObj(block)) return undefined;
    const keys: Record<string, string[]> = {};
    for (const [key, values] of Object.entries(block)) {
      const list = stringList(values, true);
      if (list === undefined) return undefined;
      keys[key] = list;
    }
    out[op] = keys;
  }
  return out;
}

/** A string or list of strings (conditions also allow booleans and numbers, kept as text). */
function stringList(raw: unknown, scalars = false): string[] | undefined {
  const items = Array.isArray(raw) ? raw : [raw];
  const out: string[] = [];
  for (const item of items) {
    if (typeof item === 'string') out.push(item);
    else if (scalars && (typeof item === 'boolean' || typeof item === 'number')) out.push(String(item));
    else return undefined;
  }
  return out;
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
