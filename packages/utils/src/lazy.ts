/**
 * `build()` run on the first call, its result returned by every call after. For values that are
 * costly to make and that a short-lived process may never use: zod schemas in particular, whose
 * construction at module load is paid by every `codex` start-up that loads the module.
 */
export function lazy<T>(build: () => T): () => T {
  let state: { value: T } | null = null;
  return () => {
    state ??= { value: build() };
    return state.value;
  };
}
