/**
 * Where the schema this server generates (from its zod schemas) and the Rust reference schema
 * disagree, as found by schema-conformance.test.ts. Each entry is a known gap in our protocol
 * implementation; a new disagreement fails the test, and so does fixing one (remove it here).
 */

/** Definitions the reference does not have (it has no `fuzzyFileSearch` result schema). */
export const NAMES_NOT_IN_REFERENCE: readonly string[] = ['FuzzyFileSearchResponse'];

/** Fields a definition requires or sends that do not match the reference's. */
export const KNOWN_SHAPE_DRIFT: readonly string[] = [];

/** Params both schemas have a field for, but judge differently (one example value each). */
export const KNOWN_PARAM_DRIFT: readonly string[] = [
  // `on-failure` (deprecated, gone from the reference) is still accepted here.
  'thread/fork approvalPolicy: accepts here what the reference refuses (approvalPolicy="on-failure")',
  'thread/resume approvalPolicy: accepts here what the reference refuses (approvalPolicy="on-failure")',
  'thread/start approvalPolicy: accepts here what the reference refuses (approvalPolicy="on-failure")',
  'turn/start approvalPolicy: accepts here what the reference refuses (approvalPolicy="on-failure")',
  // Optional booleans that take `null` here (zod `.nullish()`); Rust's are `bool` with a default.
  'thread/fork ephemeral: accepts here what the reference refuses (ephemeral=null)',
  'thread/fork excludeTurns: accepts here what the reference refuses (excludeTurns=null)',
  'thread/list currentAccountOnly: accepts here what the reference refuses (currentAccountOnly=null)',
  'thread/list useStateDbOnly: accepts here what the reference refuses (useStateDbOnly=null)',
  'thread/read includeTurns: accepts here what the reference refuses (includeTurns=null)',
  'thread/resume excludeTurns: accepts here what the reference refuses (excludeTurns=null)',
  // `ReasoningEffort` is any string in the reference; only the known efforts are accepted here.
  'turn/start effort: refuses here what the reference accepts (effort="zz-not-valid")',
];

/** Reference fields of implemented methods that this server accepts but does not read. */
export const KNOWN_UNREAD_FIELDS: readonly string[] = [
  'thread/fork approvalsReviewer',
  'thread/fork threadSource',
  'thread/resume approvalsReviewer',
  'thread/resume personality',
  'thread/start approvalsReviewer',
  'thread/start personality',
  'thread/start serviceName',
  'thread/start serviceTier',
  'thread/start sessionStartSource',
  'thread/start threadSource',
  'turn/start approvalsReviewer',
  'turn/start clientUserMessageId',
  'turn/start disabledPluginIds',
  'turn/start parentTurnId',
  'turn/start personality',
  'turn/start rootTurnId',
  'turn/start serviceTier',
  'turn/start serviceTierForTurn',
  'turn/start toolOutput',
  'turn/start turnTrigger',
];
