import { UnknownFeatureError } from './errors.js';
import { FEATURE_SPECS, featureForKey, LEGACY_FEATURE_ALIASES } from './feature-registry.js';
import type { FeatureSpec } from './feature-registry.js';

const MAX_SUGGESTIONS = 3;

/**
 * The feature `name` sets (canonical name or legacy alias), or `UnknownFeatureError` naming the
 * closest known names (or all of them when none is close).
 */
export function requireKnownFeature(name: string): FeatureSpec {
  const spec = featureForKey(name);
  if (spec !== undefined) return spec;
  const known = FEATURE_SPECS.map((s) => s.key).sort();
  throw new UnknownFeatureError(name, suggestFeatureNames(name), known);
}

/** Known feature names (canonical first, then aliases) that look like a misspelling of `name`. */
export function suggestFeatureNames(name: string): string[] {
  const wanted = name.trim().toLowerCase().replace(/-/g, '_');
  if (wanted === '') return [];
  const candidates = [...FEATURE_SPECS.map((s) => s.key), ...Object.keys(LEGACY_FEATURE_ALIASES)];
  const limit = Math.max(2, Math.floor(wanted.length / 3));
  return candidates
    .map((candidate) => ({ candidate, distance: editDistance(wanted, candidate) }))
    .filter(
      ({ candidate, distance }) =>
        distance <= limit ||
        // A misspelt start of a longer name (`unifed` -> `unified_exec`).
        (wanted.length >= 4 && editDistance(wanted, candidate.slice(0, wanted.length)) <= 1),
    )
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
    .slice(0, MAX_SUGGESTIONS)
    .map(({ candidate }) => candidate);
}

/** Levenshtein distance (insertions, deletions, substitutions). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}
