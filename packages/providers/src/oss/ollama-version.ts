/** A parsed `major.minor.patch[-prerelease]` version. */
export interface OllamaVersion {
  major: number;
  minor: number;
  patch: number;
  /** The part after `-`, or '' for a release. */
  prerelease: string;
  /** The version as the server reported it, minus a leading `v`. */
  text: string;
}

/** The first Ollama release that serves the Responses API (`/v1/responses`). */
export const MIN_OLLAMA_RESPONSES_VERSION = '0.13.4';

const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

/** Parses a semantic version (`0.13.4`, `v0.14.0-rc1`); null when it is not one. */
export function parseOllamaVersion(raw: string): OllamaVersion | null {
  const text = raw.trim().replace(/^v+/, '');
  const match = SEMVER.exec(text);
  if (!match) return null;
  return {
    major: Number(match[1]),
    minor: Number(match[2]),
    patch: Number(match[3]),
    prerelease: match[4] ?? '',
    text,
  };
}

function compareCore(a: OllamaVersion, b: OllamaVersion): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

/**
 * Whether this Ollama can serve the Responses API: `0.0.0` (a development build) or
 * `>= 0.13.4`, where a pre-release sorts before its release (`0.13.4-rc1` is too old).
 */
export function ollamaSupportsResponses(version: OllamaVersion): boolean {
  const isDevBuild =
    version.major === 0 && version.minor === 0 && version.patch === 0 && version.prerelease === '';
  if (isDevBuild) return true;
  const minimum = parseOllamaVersion(MIN_OLLAMA_RESPONSES_VERSION) as OllamaVersion;
  const order = compareCore(version, minimum);
  return order > 0 || (order === 0 && version.prerelease === '');
}
