import { lazy } from '@codex-ts/utils';
import * as z from 'zod';
import { parseEventMsg, type EventMsg } from './event-msg.js';
import {
  rolloutSchemas,
  type CompactedItem,
  type RolloutResponseItem,
  type SessionMetaLine,
  type TurnContextItem,
} from './rollout-schemas.js';

/**
 * One line of a rollout file is `{"timestamp": ..., "type": ..., "payload": ...}` (Rust
 * `RolloutLine` = timestamp + the `RolloutItem` enum flattened with tag `type`, content
 * `payload`). The timestamp is UTC with milliseconds: `2025-05-07T17:24:21.123Z`.
 */
export type RolloutItem =
  | { type: 'session_meta'; payload: SessionMetaLine }
  | { type: 'response_item'; payload: RolloutResponseItem }
  | { type: 'compacted'; payload: CompactedItem }
  | { type: 'turn_context'; payload: TurnContextItem }
  | { type: 'event_msg'; payload: EventMsg };

export type RolloutItemType = RolloutItem['type'];
export type RolloutLine = RolloutItem & { timestamp: string };

export const ROLLOUT_ITEM_TYPES: readonly RolloutItemType[] = [
  'session_meta',
  'response_item',
  'compacted',
  'turn_context',
  'event_msg',
];

/** Why a line could not be used: not JSON, a known type with a bad payload, an unknown type. */
export type RolloutLineProblem = 'invalid_json' | 'invalid_line' | 'unknown_type';

export type ParsedRolloutLine =
  { ok: true; line: RolloutLine } | { ok: false; problem: RolloutLineProblem; message: string };

/** Built on first use: writing lines (all `codex exec` does) never parses one. */
const lineEnvelopeSchema = lazy(() =>
  z.object({ timestamp: z.string().default(''), type: z.string(), payload: z.unknown() }).loose(),
);

/** The line timestamp format (Rust `[year]-[month]-[day]T[hour]:[minute]:[second].[ms]Z`). */
export function rolloutTimestamp(date: Date = new Date()): string {
  return date.toISOString();
}

/** Serialises an item as one rollout line, newline included. */
export function serializeRolloutLine(item: RolloutItem, timestamp = rolloutTimestamp()): string {
  return `${JSON.stringify({ timestamp, type: item.type, payload: item.payload })}\n`;
}

/** Parses the text of one line (without its newline). */
export function parseRolloutLine(text: string): ParsedRolloutLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: 'invalid_json', message: (error as Error).message };
  }
  const envelope = lineEnvelopeSchema().safeParse(value);
  if (!envelope.success) {
    return { ok: false, problem: 'invalid_line', message: 'not a {timestamp, type, payload} line' };
  }
  const { timestamp, type, payload } = envelope.data;
  const item = parseRolloutItem(type, payload);
  if (item.ok) return { ok: true, line: { timestamp, ...item.item } };
  return { ok: false, problem: item.problem, message: item.message };
}

function parseRolloutItem(
  type: string,
  payload: unknown,
): { ok: true; item: RolloutItem } | { ok: false; problem: RolloutLineProblem; message: string } {
  const invalid = (message: string) =>
    ({ ok: false, problem: 'invalid_line', message: `${type}: ${message}` }) as const;
  const schemas = rolloutSchemas();
  switch (type) {
    case 'session_meta': {
      const parsed = schemas.SessionMetaLine.safeParse(payload);
      if (!parsed.success) return invalid(z.prettifyError(parsed.error));
      return { ok: true, item: { type, payload: parsed.data } };
    }
    case 'response_item': {
      const parsed = schemas.RolloutResponseItem.safeParse(payload);
      if (!parsed.success) return invalid(z.prettifyError(parsed.error));
      return { ok: true, item: { type, payload: parsed.data } };
    }
    case 'compacted': {
      const parsed = schemas.CompactedItem.safeParse(payload);
      if (!parsed.success) return invalid(z.prettifyError(parsed.error));
      return { ok: true, item: { type, payload: parsed.data } };
    }
    case 'turn_context': {
      const parsed = schemas.TurnContextItem.safeParse(payload);
      if (!parsed.success) return invalid(z.prettifyError(parsed.error));
      return { ok: true, item: { type, payload: parsed.data } };
    }
    case 'event_msg': {
      const parsed = parseEventMsg(payload);
      if (!parsed.ok) return invalid(parsed.error);
      return { ok: true, item: { type, payload: parsed.event } };
    }
    default:
      return { ok: false, problem: 'unknown_type', message: `unknown line type '${type}'` };
  }
}
