/** JSON-schema building blocks shared by the command tools' declarations. */

export type JsonSchemaProperty = Record<string, unknown>;

export const stringParam = (description: string): JsonSchemaProperty => ({
  type: 'string',
  description,
});
export const numberParam = (description: string): JsonSchemaProperty => ({
  type: 'number',
  description,
});
export const booleanParam = (description: string): JsonSchemaProperty => ({
  type: 'boolean',
  description,
});

/**
 * `sandbox_permissions`, `justification` and `prefix_rule`: how the model asks to run a command
 * outside the sandbox. Same names, types and values as the Rust Codex; our own descriptions.
 */
export function approvalParams(commandField: string): Record<string, JsonSchemaProperty> {
  return {
    justification: stringParam(
      'Only together with sandbox_permissions "require_escalated": one short question for the ' +
        'user that says why this command has to run outside the sandbox, for example ' +
        '"Allow installing the project dependencies from the network?"',
    ),
    prefix_rule: {
      type: 'array',
      description:
        'Only together with sandbox_permissions "require_escalated": a short prefix of ' +
        `\`${commandField}\` the user could approve once for similar commands later, for ` +
        'example ["npm", "test"].',
      items: { type: 'string' },
    },
    sandbox_permissions: {
      type: 'string',
      enum: ['use_default', 'require_escalated'],
      description:
        'How the command should be sandboxed: "use_default" (the default) or ' +
        '"require_escalated" to ask the user to run it without sandbox restrictions.',
    },
  };
}

/** Properties sorted by name, as the Rust Codex declares them (a BTreeMap). */
export function sortedProperties(
  properties: Record<string, JsonSchemaProperty>,
): Record<string, JsonSchemaProperty> {
  return Object.fromEntries(
    Object.entries(properties).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}
