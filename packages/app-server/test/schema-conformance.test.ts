import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESPONSE_DEFINITIONS, SCHEMA_DIR } from '@codex-ts/test-support';
// Deep imports: the catalog and the method table are the processor's internals.
import { defaultMethodTable } from '../src/processor/method-table.js';
import { protocolCatalog } from '../src/schema/protocol-catalog.js';
import type { JsonSchema } from '../src/schema/json-schema-definitions.js';
import { VALID_PARAMS, WRONG_VALUES } from './helpers/schema-samples.js';
import { generatedValidator, referenceValidator } from './helpers/schema-validators.js';
import {
  KNOWN_PARAM_DRIFT,
  KNOWN_SHAPE_DRIFT,
  KNOWN_UNREAD_FIELDS,
  NAMES_NOT_IN_REFERENCE,
} from './helpers/schema-known-drift.js';

const catalog = protocolCatalog();
const ours = generatedValidator();
const reference = referenceValidator();
/** The client requests that take params, with their params definition name. */
const withParams = catalog.clientRequests.flatMap((e) =>
  e.params ? [{ method: e.method, name: e.params.name }] : [],
);

interface UnionVariant {
  properties?: { method?: { enum?: string[] }; params?: { $ref?: string } };
}

/** method -> params definition name, from one of the reference's unions. */
function referenceParams(union: string): Map<string, string> {
  const variants = (reference.definition(union)?.['oneOf'] ?? []) as UnionVariant[];
  const out = new Map<string, string>();
  for (const v of variants) {
    const method = v.properties?.method?.enum?.[0];
    const ref = v.properties?.params?.$ref;
    if (method && ref) out.set(method, ref.replace('#/definitions/', ''));
  }
  return out;
}

function shape(definition: JsonSchema | undefined): { props: string[]; required: string[] } {
  const props = definition?.['properties'];
  return {
    props: props && typeof props === 'object' ? Object.keys(props) : [],
    required: Array.isArray(definition?.['required']) ? (definition['required'] as string[]) : [],
  };
}

describe('the generated schema covers what the server implements', () => {
  it('has a catalog entry for every method the processor serves', () => {
    const cataloged = new Set(catalog.clientRequests.map((e) => e.method));
    const missing = [...defaultMethodTable().keys()].filter((m) => !cataloged.has(m));
    expect(missing, 'methods served without a schema in protocol-catalog.ts').toEqual([]);
  });

  it('names every params, result and notification definition as the reference does', () => {
    const requests = referenceParams('ClientRequest');
    for (const entry of catalog.clientRequests) {
      expect([entry.method, entry.params?.name]).toEqual([
        entry.method,
        requests.get(entry.method),
      ]);
      const result =
        entry.method === 'initialize'
          ? 'InitializeResponse'
          : (RESPONSE_DEFINITIONS[entry.method] ??
            (reference.has(entry.response.name) ? entry.response.name : undefined));
      if (!NAMES_NOT_IN_REFERENCE.includes(entry.response.name)) {
        expect([entry.method, entry.response.name]).toEqual([entry.method, result]);
      }
    }
    const notifications = referenceParams('ServerNotification');
    for (const entry of catalog.serverNotifications) {
      expect([entry.method, entry.params?.name]).toEqual([
        entry.method,
        notifications.get(entry.method),
      ]);
    }
  });

  it('uses only definition names the reference has, in a bundle laid out like it', () => {
    const flat = JSON.parse(
      readFileSync(join(SCHEMA_DIR, 'codex_app_server_protocol.v2.schemas.json'), 'utf8'),
    ) as Record<string, unknown>;
    expect(Object.keys(ours.bundle).sort()).toEqual(Object.keys(flat).sort());
    const unknown = Object.keys(ours.bundle.definitions).filter((n) => !reference.has(n));
    expect(unknown).toEqual(NAMES_NOT_IN_REFERENCE);
  });
});

describe('each definition has the fields of the reference', () => {
  const problems: string[] = [];
  const subset = (what: string, a: string[], b: string[]): void => {
    const extra = a.filter((x) => !b.includes(x));
    if (extra.length > 0) problems.push(`${what}: ${extra.join(', ')}`);
  };
  for (const { name } of withParams) {
    const mine = shape(ours.definition(name));
    const theirs = shape(reference.definition(name));
    // Clients that follow the reference may omit what it leaves optional.
    subset(`${name} requires beyond the reference`, mine.required, theirs.required);
    subset(`${name} reads fields the reference lacks`, mine.props, theirs.props);
  }
  const sent = [
    ...catalog.clientRequests.map((e) => e.response.name),
    ...catalog.serverNotifications.flatMap((e) => (e.params ? [e.params.name] : [])),
  ].filter((name) => !NAMES_NOT_IN_REFERENCE.includes(name));
  for (const name of sent) {
    const mine = shape(ours.definition(name));
    const theirs = shape(reference.definition(name));
    // What the reference requires, we must always send.
    subset(`${name} may omit what the reference requires`, theirs.required, mine.required);
    subset(`${name} sends fields the reference lacks`, mine.props, theirs.props);
  }

  it('matches the reference apart from the drift listed in schema-known-drift.ts', () => {
    expect(problems.sort()).toEqual([...KNOWN_SHAPE_DRIFT].sort());
  });
});

describe('sample params: both schemas give the same verdict', () => {
  it('has samples for every method with params', () => {
    expect(withParams.filter(({ method }) => !VALID_PARAMS[method]).map((e) => e.method)).toEqual(
      [],
    );
  });

  it('both accept every valid sample', () => {
    for (const { method, name } of withParams) {
      for (const sample of VALID_PARAMS[method] ?? []) {
        expect({ method, ours: ours.errors(name, sample) }).toEqual({ method, ours: null });
        expect({ method, reference: reference.errors(name, sample) }).toEqual({
          method,
          reference: null,
        });
      }
    }
  });

  it('agree on every sample with a field dropped or of the wrong type, apart from known drift', () => {
    const disagreements = new Map<string, string>();
    for (const entry of withParams) {
      const name = entry.name;
      const mine = shape(ours.definition(name)).props;
      const theirs = shape(reference.definition(name)).props;
      const shared = mine.filter((field) => theirs.includes(field));
      for (const sample of VALID_PARAMS[entry.method] ?? []) {
        for (const [field, label, value] of mutations(sample, shared, name)) {
          const here = ours.accepts(name, value);
          const there = reference.accepts(name, value);
          if (here === there) continue;
          const key = `${entry.method} ${field}: ${here ? 'accepts' : 'refuses'} here`;
          if (!disagreements.has(key))
            disagreements.set(
              key,
              `${key} what the reference ${there ? 'accepts' : 'refuses'} (${label})`,
            );
        }
      }
    }
    expect([...disagreements.values()].sort()).toEqual([...KNOWN_PARAM_DRIFT].sort());
  });

  it('lists the reference fields this server does not read (accepted and ignored)', () => {
    const unread: string[] = [];
    for (const entry of withParams) {
      const mine = shape(ours.definition(entry.name)).props;
      for (const field of shape(reference.definition(entry.name)).props) {
        if (!mine.includes(field)) unread.push(`${entry.method} ${field}`);
      }
    }
    expect(unread.sort()).toEqual([...KNOWN_UNREAD_FIELDS].sort());
  });
});

/** The enum values either schema allows for `field` of definition `name`. */
function enumValues(name: string, field: string): unknown[] {
  const values = new Set<unknown>();
  for (const validator of [ours, reference]) {
    const props = validator.definition(name)?.['properties'] as Record<string, unknown> | undefined;
    collectEnums(props?.[field], validator, values, new Set());
  }
  return [...values];
}

function collectEnums(
  node: unknown,
  validator: typeof ours,
  into: Set<unknown>,
  seen: Set<string>,
): void {
  if (node === null || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  const ref = record['$ref'];
  if (typeof ref === 'string') {
    const target = ref.replace('#/definitions/', '');
    if (!seen.has(target)) {
      seen.add(target);
      collectEnums(validator.definition(target), validator, into, seen);
    }
  }
  if (Array.isArray(record['enum'])) for (const v of record['enum']) into.add(v);
  for (const key of ['anyOf', 'oneOf', 'allOf']) {
    const members = record[key];
    if (Array.isArray(members)) for (const m of members) collectEnums(m, validator, into, seen);
  }
}

function* mutations(
  sample: Record<string, unknown>,
  fields: Iterable<string>,
  definition: string,
): Generator<[string, string, Record<string, unknown>]> {
  for (const field of fields) {
    if (field in sample) {
      const { [field]: _dropped, ...rest } = sample;
      yield [field, `without ${field}`, rest];
    }
    for (const value of [...WRONG_VALUES, ...enumValues(definition, field)]) {
      yield [field, `${field}=${JSON.stringify(value)}`, { ...sample, [field]: value }];
    }
  }
}
