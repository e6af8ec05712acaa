import { basename } from 'node:path';

import type { TextRange } from './text-buffer.js';

/**
 * Placeholders the composer shows in place of something bigger: a large paste (expanded back
 * to its text on submit) or an attached image (sent as an image, not as text). A placeholder is
 * an atom of the text: deleting any part of it deletes all of it, and the element goes with it.
 */
export type ComposerElement = PasteElement | ImageElement;

export interface PasteElement {
  kind: 'paste';
  placeholder: string;
  /** The pasted text the placeholder stands for. */
  text: string;
}

export interface ImageElement {
  kind: 'image';
  placeholder: string;
  /** Absolute path of the image file. */
  path: string;
}

export interface ElementRange extends TextRange {
  element: ComposerElement;
}

/** Where each element's placeholder occurs in `text`, in text order, without overlaps. */
export function elementRanges(text: string, elements: readonly ComposerElement[]): ElementRange[] {
  const found: ElementRange[] = [];
  for (const element of elements) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(element.placeholder, from);
      if (at < 0) break;
      found.push({ start: at, end: at + element.placeholder.length, element });
      from = at + element.placeholder.length;
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const ranges: ElementRange[] = [];
  for (const range of found) {
    const last = ranges[ranges.length - 1];
    if (last === undefined || range.start >= last.end) ranges.push(range);
  }
  return ranges;
}

/** The atoms (placeholder ranges) of `text`. */
export function atomsOf(text: string, elements: readonly ComposerElement[]): TextRange[] {
  if (elements.length === 0) return [];
  return elementRanges(text, elements).map(({ start, end }) => ({ start, end }));
}

/** Drops the elements whose placeholder is no longer in `text`. */
export function pruneElements(
  text: string,
  elements: readonly ComposerElement[],
): ComposerElement[] {
  return elements.filter((element) => text.includes(element.placeholder));
}

function unique(base: string, elements: readonly ComposerElement[], text: string): string {
  const taken = (candidate: string): boolean =>
    elements.some((element) => element.placeholder === candidate) || text.includes(candidate);
  if (!taken(`[${base}]`)) return `[${base}]`;
  for (let n = 2; ; n += 1) {
    const candidate = `[${base} #${n}]`;
    if (!taken(candidate)) return candidate;
  }
}

/** `[Pasted Content N chars]` (with ` #2`, ` #3`... when one with the same size exists). */
export function pastePlaceholder(
  charCount: number,
  elements: readonly ComposerElement[],
  text: string,
): string {
  return unique(`Pasted Content ${charCount} chars`, elements, text);
}

/** `[image N: name.png]`, N one more than the highest attached image number. */
export function imagePlaceholder(
  path: string,
  elements: readonly ComposerElement[],
  text: string,
): string {
  let highest = 0;
  for (const element of elements) {
    const n =
      element.kind === 'image' ? /^\[image (\d+):/.exec(element.placeholder)?.[1] : undefined;
    if (n !== undefined) highest = Math.max(highest, Number(n));
  }
  return unique(`image ${highest + 1}: ${basename(path)}`, elements, text);
}

export interface ExpandedText {
  text: string;
  images: string[];
}

/**
 * The text to send: paste placeholders replaced by their text, image placeholders removed
 * (their paths listed in order instead), the whole trimmed.
 */
export function expandElements(text: string, elements: readonly ComposerElement[]): ExpandedText {
  const images: string[] = [];
  let out = '';
  let from = 0;
  for (const { start, end, element } of elementRanges(text, elements)) {
    out += text.slice(from, start);
    if (element.kind === 'paste') out += element.text;
    else if (!images.includes(element.path)) images.push(element.path);
    from = end;
  }
  out += text.slice(from);
  return { text: out.trim(), images };
}
