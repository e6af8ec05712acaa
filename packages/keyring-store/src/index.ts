export type { CredentialStore } from './credential-store.js';
export {
  KeyringStoreError,
  KeyringUnavailableError,
  KeyringOperationError,
} from './keyring-errors.js';
export type { KeyringStoreErrorCode } from './keyring-errors.js';
export { OsKeyringStore } from './os-keyring-store.js';
export type { KeyringEntryFactory, AsyncEntryLike } from './os-keyring-store.js';
export { MemoryCredentialStore } from './memory-credential-store.js';
export { FileCredentialStore } from './file-credential-store.js';
