/**
 * A minimal observable store: one state object, shallow patches, and listeners that receive
 * the new and previous state so each component re-renders only when its slice changed.
 */

export type Listener<S> = (state: S, previous: S) => void;

export interface Store<S> {
  get(): S;
  set(patch: Partial<S> | ((state: S) => Partial<S>)): void;
  /** Calls `listener` after every change; returns the function that stops it. */
  subscribe(listener: Listener<S>): () => void;
}

export function createStore<S extends object>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<Listener<S>>();
  return {
    get: () => state,
    set(patch) {
      const previous = state;
      state = { ...state, ...(typeof patch === 'function' ? patch(state) : patch) };
      for (const listener of [...listeners]) listener(state, previous);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * Renders now, then again whenever the selected slice changes. A selector may return a tuple:
 * tuples are compared element by element, so `[a, b]` re-renders only when `a` or `b` changed.
 */
export function watch<S, T>(store: Store<S>, select: (state: S) => T, render: (value: T) => void, signal: AbortSignal): void {
  let last = select(store.get());
  render(last);
  const same = (a: T, b: T): boolean =>
    Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((v, i) => Object.is(v, b[i])) : Object.is(a, b);
  const off = store.subscribe((state) => {
    const next = select(state);
    if (same(next, last)) return;
    last = next;
    render(next);
  });
  signal.addEventListener('abort', off, { once: true });
}
