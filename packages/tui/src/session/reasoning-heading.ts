/**
 * The heading the status line shows while the model reasons: the last `**bold**` title of the
 * reasoning summary streamed so far, or null when there is none yet (or it is still open).
 */
export function reasoningHeading(text: string): string | null {
  const matches = [...text.matchAll(/\*\*([^*\n]+)\*\*/g)];
  const last = matches.at(-1);
  const heading = last?.[1]?.trim();
  return heading ? heading : null;
}
