/** Stable codes of the errors a CredentialStore rejects with. */
export type KeyringStoreErrorCode = 'KEYRING_UNAVAILABLE' | 'KEYRING_OPERATION_FAILED';

/** Base class of credential store failures; callers branch on `code`. */
export abstract class KeyringStoreError extends Error {
  abstract readonly code: KeyringStoreErrorCode;
  readonly retryable = false;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * The OS keyring cannot be reached at all: no native module for this platform, no Secret Service
 * or keychain, access denied. Callers may fall back to file storage.
 */
export class KeyringUnavailableError extends KeyringStoreError {
  readonly code = 'KEYRING_UNAVAILABLE';

  constructor(
    /** What the platform said, e.g. `Couldn't access platform storage: AccessDenied`. */
    readonly reason: string,
    cause?: unknown,
  ) {
    super(`the OS keyring is not available: ${reason}`, { cause });
  }
}

/** The keyring answered but refused this operation (ambiguous entry, bad encoding, I/O error). */
export class KeyringOperationError extends KeyringStoreError {
  readonly code = 'KEYRING_OPERATION_FAILED';

  constructor(
    readonly operation: 'load' | 'save' | 'delete',
    readonly reason: string,
    cause?: unknown,
  ) {
    super(`keyring ${operation} failed: ${reason}`, { cause });
  }
}
