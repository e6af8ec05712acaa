export { buildSeatbeltProfile, seatbeltParamArgs } from './macos/seatbelt-profile.js';
export type { SeatbeltProfile, SeatbeltProfileOptions } from './macos/seatbelt-profile.js';
export { prepareSeatbeltCommand, MACOS_SEATBELT_EXECUTABLE } from './macos/seatbelt-command.js';
export type {
  CommandToRun,
  SeatbeltCommandOptions,
  SeatbeltSpawnSpec,
} from './macos/seatbelt-command.js';
export type { SeatbeltWritableRoot } from './macos/sandbox-policy-spec.js';
export { canonicalizePath, darwinUserCacheDir } from './macos/darwin-paths.js';
export { SeatbeltInvalidPathError, SeatbeltEmptyCommandError } from './macos/seatbelt-errors.js';
export { loadBashParser, loadedBashParser } from './safety/bash-parser.js';
export type { BashParser, BashParserOptions } from './safety/bash-parser.js';
export { parseBashScript, parsePlainCommands } from './safety/plain-commands.js';
export {
  commandsFromArgv,
  commandsForExecPolicy,
  commandsForExecPolicyWith,
} from './safety/argv-commands.js';
export type { ArgvCommands } from './safety/argv-commands.js';
export {
  isKnownSafeCommand,
  isKnownSafeCommandWith,
  isSafeToCallWithExec,
} from './safety/known-safe-command.js';
export {
  isDangerousCommand,
  dangerousCommandMatch,
  dangerousCommandMatchWith,
  dangerousExecMatch,
} from './safety/dangerous-command.js';
export type { DangerousCommandMatch } from './safety/dangerous-command.js';
export { extractShellScript } from './safety/shell-invocation.js';
export { BashParserLoadError } from './safety/safety-errors.js';
export { isUnrestricted, isNetworkDisabled } from './policy/sandbox-policy-spec.js';
export type { SandboxMode, SandboxPolicySpec } from './policy/sandbox-policy-spec.js';
export { writableRootsFor, isPathWithin } from './policy/writable-roots.js';
export type { WritableRoot } from './policy/writable-roots.js';
export {
  protectedSubpathsOf,
  gitdirFromPointerFile,
  PROTECTED_NAMES,
} from './policy/protected-subpaths.js';
export type {
  SandboxCommand,
  SandboxKind,
  PreparedFd,
  PreparedCommand,
} from './policy/sandbox-command.js';
export {
  CODEX_SANDBOX_ENV_VAR,
  CODEX_SANDBOX_NETWORK_DISABLED_ENV_VAR,
  withSandboxMarkers,
} from './policy/sandbox-env.js';
export type { CodexSandboxMarker } from './policy/sandbox-env.js';
export {
  prepareLinuxSandboxedCommand,
  InvalidSandboxCommandError,
} from './prepare/prepare-linux-sandboxed-command.js';
export type { PrepareLinuxOptions } from './prepare/prepare-linux-sandboxed-command.js';
export { spawnPreparedCommand } from './prepare/spawn-prepared-command.js';
export { holdMountPoints } from './prepare/mount-point-cleanup.js';
export { detectLinuxSandbox } from './linux/detect-linux-sandbox.js';
export type {
  DetectLinuxSandboxOptions,
  LinuxSandboxDetection,
  LinuxSandboxMethod,
} from './linux/detect-linux-sandbox.js';
export { SandboxUnavailableError } from './linux/sandbox-unavailable-error.js';
export { runLandlockHelper } from './linux/landlock-helper.js';
export { buildNetworkSeccompFilter } from './linux/seccomp-filter.js';
