/** Why `turn/steer` input was refused; `code` is stable, the app server maps it to its wording. */
export type SteerErrorCode = 'steer_no_active_turn' | 'steer_turn_mismatch' | 'steer_empty_input';

/** No turn is running (or the running one is already finishing) to take the input. */
export class NoActiveTurnError extends Error {
  readonly code: SteerErrorCode = 'steer_no_active_turn';
  constructor(readonly threadId: string) {
    super(`thread ${threadId} has no running turn to steer`);
    this.name = 'NoActiveTurnError';
  }
}

/** The caller named another turn than the running one. */
export class SteerTurnMismatchError extends Error {
  readonly code: SteerErrorCode = 'steer_turn_mismatch';
  constructor(
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`the running turn is ${actual}, not ${expected}`);
    this.name = 'SteerTurnMismatchError';
  }
}

/** Steering needs at least one input item. */
export class EmptySteerInputError extends Error {
  readonly code: SteerErrorCode = 'steer_empty_input';
  constructor() {
    super('steering input must not be empty');
    this.name = 'EmptySteerInputError';
  }
}
