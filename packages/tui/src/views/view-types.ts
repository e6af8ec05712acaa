/**
 * What every modal view's key handler returns: the next state, whether the key was used (an
 * unused key goes back to the App: Ctrl+C, global shortcuts, ...), and an optional effect the App
 * must carry out (answer a server request, close the view, run a query, ...).
 */
export interface KeyResult<S, E> {
  state: S;
  handled: boolean;
  effect?: E;
}

/** Props shared by the Ink components of the views: they only render their state. */
export interface ViewRenderProps {
  /** Columns available; no rendered line is wider. */
  width: number;
  /** False: plain text, no ANSI escapes at all (NO_COLOR, tests). Defaults to true. */
  color?: boolean;
}

export function handled<S, E>(state: S, effect?: E): KeyResult<S, E> {
  return effect === undefined ? { state, handled: true } : { state, handled: true, effect };
}

export function unhandled<S, E>(state: S): KeyResult<S, E> {
  return { state, handled: false };
}
