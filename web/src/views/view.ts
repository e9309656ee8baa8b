// What every view gets: its root element (fresh per render), the route, the kinds catalogue and a retry.
import type { Route } from '../router.js';
import type { KindsCatalogue } from '../types.js';

export interface ViewContext {
  readonly root: HTMLElement;
  readonly route: Route;
  readonly kinds: KindsCatalogue;
  /** Renders the current URL again (after a token was given, or on "Try again"). */
  readonly retry: () => void;
}

/** A view renders into ctx.root; a thrown error is shown as the view's error state. */
export type View = (ctx: ViewContext) => Promise<void>;
