import * as z from 'zod';

/**
 * zod's JIT off, for the whole process (this module is the first one the package index loads,
 * so it runs before any schema of ours is built; zod reads the setting when a schema is made).
 *
 * With the JIT, the first parse of each object schema generates and compiles a parser for its
 * shape (`new Function`): ~0.5-2 ms per schema, which a `codex exec` turn pays for every config
 * section, request params, SSE event and response item it validates once (~20 ms in all). The
 * interpreted parser gives the same results, a few microseconds slower per object, and our
 * parses are of that kind: config, JSON-RPC params, structural SSE events (text deltas skip
 * zod), rollout lines.
 */
z.config({ jitless: true });
