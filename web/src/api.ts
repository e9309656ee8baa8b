// The page's only way to the server: the versioned API (/v1), same origin. On a loopback bind the server's
// session cookie authenticates it; elsewhere the user gives the token once per tab (sessionStorage), sent as bearer.
const TOKEN_KEY = 'pathwarden.token';

/** What went wrong, in the words the page shows. */
export type ApiFailure = 'offline' | 'unauthorized' | 'not-found' | 'unavailable' | 'bad-request' | 'too-many' | 'too-large' | 'server';

export class ApiError extends Error {
  constructor(readonly failure: ApiFailure, readonly status: number, message: string) {
    super(message);
    this.name = 'ApiError';
  }
}

function failureOf(status: number): ApiFailure {
  if (status === 401) return 'unauthorized';
  if (status === 404) return 'not-found';
  if (status === 413) return 'too-large';
  if (status === 429) return 'too-many';
  if (status === 503) return 'unavailable';
  return status < 500 ? 'bad-request' : 'server';
}

/** The token given in this tab, if any. */
export function storedToken(): string | undefined {
  return sessionStorage.getItem(TOKEN_KEY) ?? undefined;
}

/** Keeps (or, with undefined, forgets) the token for this tab. */
export function storeToken(token: string | undefined): void {
  if (token === undefined) sessionStorage.removeItem(TOKEN_KEY);
  else sessionStorage.setItem(TOKEN_KEY, token);
}

async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = storedToken();
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, { method, headers, credentials: 'same-origin', ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  } catch {
    throw new ApiError('offline', 0, 'The pathwarden API does not answer. Is `pathwarden serve` still running? Start it again, then reload this page.');
  }
  if (response.ok) return await response.json() as T;
  let detail = `${response.status} ${response.statusText}`;
  try {
    const problem = await response.json() as { detail?: string };
    if (typeof problem.detail === 'string') detail = problem.detail;
  } catch { /* not a problem document: keep the status line */ }
  throw new ApiError(failureOf(response.status), response.status, detail);
}

/** GET /v1/<path>?<query> (undefined and empty values left out). */
export function apiGet<T>(path: string, query: Record<string, string | number | undefined> = {}): Promise<T> {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return request<T>('GET', `/v1/${path}${qs ? `?${qs}` : ''}`);
}

/** POST /v1/<path> with a JSON body. */
export function apiPost<T>(path: string, body: unknown): Promise<T> {
  return request<T>('POST', `/v1/${path}`, body);
}
