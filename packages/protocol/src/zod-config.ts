import * as z from 'zod';

/**
 * zod's JIT off, for the whole process. zod reads the setting when a schema is built, so every
 * module of this package that builds schemas imports this one (`import './zod-config.js'`): a
 * module's imports run before it, whatever order the bundler gives the package's modules (a
 * side-effect import in index.ts is not enough: esbuild links importers straight to the module
 * that defines a name, and may run that module before index.ts). Most schemas of other
 * packages import ours, so this runs before them too; one built earlier just keeps the JIT.
 *
 * With the JIT, the first parse of each object schema generates and compiles a parser for its
 * shape (`new Function`): ~0.5-2 ms per schema, which a `codex exec` turn pays for every config
 * section, request params, SSE event and response item it validates once (~20 ms in all). The
 * interpreted parser gives the same results, a few microseconds slower per object, and our
 * parses are of that kind: config, JSON-RPC params, structural SSE events (text deltas skip
 * zod), rollout lines.
 */
z.config({ jitless: true });
