// Loading, empty and error states in plain words, and the token prompt shown on a 401.
import { ApiError, storeToken, storedToken } from './api.js';
import { h } from './dom.js';

/** A polite "loading" line. */
export function loading(what: string): HTMLElement {
  return h('p', { class: 'state loading', role: 'status', 'aria-live': 'polite' }, `Loading ${what}…`);
}

/** A plain "nothing here" line. */
export function empty(message: string, ...extra: (Node | string)[]): HTMLElement {
  return h('p', { class: 'state empty', role: 'status' }, message, ...extra);
}

function tokenPrompt(retry: () => void): HTMLElement {
  const input = h('input', { type: 'password', id: 'token', name: 'token', autocomplete: 'off', required: true, minlength: 16, size: 40 });
  const form = h('form', {
    class: 'token',
    onsubmit: (event: Event) => { event.preventDefault(); storeToken(input.value.trim()); retry(); },
  },
  h('label', { for: 'token' }, 'API token '), input, ' ', h('button', { type: 'submit' }, 'Use token'));
  return h('div', { class: 'state error unauthorized', role: 'alert' },
    h('p', {}, storedToken() === undefined
      ? 'This server needs its API token. `pathwarden serve` printed it as "token: …" when it started (or it is the PATHWARDEN_API_TOKEN you set).'
      : 'The server did not accept that token. Check it and try again.'),
    h('p', { class: 'muted' }, 'The token is kept for this browser tab only and sent with each API request.'),
    form);
}

/** The error state for a failed API call (a token prompt on 401). */
export function failure(error: unknown, retry: () => void): HTMLElement {
  if (error instanceof ApiError && error.failure === 'unauthorized') return tokenPrompt(retry);
  const message = error instanceof ApiError ? explain(error) : `Something went wrong in the page: ${String(error)}`;
  return h('div', { class: 'state error', role: 'alert' },
    h('p', {}, message), h('button', { type: 'button', onclick: retry }, 'Try again'));
}

function explain(error: ApiError): string {
  switch (error.failure) {
    case 'offline': return error.message;
    case 'not-found': return `Not found: ${error.message}`;
    case 'unavailable': return `The server cannot answer this now: ${error.message}`;
    case 'too-many': return 'Too many requests from this browser; wait a minute and try again.';
    case 'too-large': return `The upload is too large for this server: ${error.message}`;
    case 'bad-request': return `The server rejected the request: ${error.message}`;
    default: return `The server failed (${error.status}): ${error.message}`;
  }
}
