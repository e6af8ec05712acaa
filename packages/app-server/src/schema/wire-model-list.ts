import * as z from 'zod';

// zod schemas of the `model/list` answer (types: handlers/model-list-schema.ts).

export const MultiAgentVersionSchema = z.enum(['disabled', 'v1', 'v2']);

export const ReasoningEffortOptionSchema = z.object({
  reasoningEffort: z.string(),
  description: z.string(),
});

export const ModelUpgradeInfoSchema = z.object({
  model: z.string(),
  migrationMarkdown: z.string().nullable(),
  modelLink: z.string().nullable(),
  upgradeCopy: z.string().nullable(),
  retirementAt: z.number().int().nullable(),
});

export const ModelServiceTierSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
});

export const ModelAvailabilityNuxSchema = z.object({ message: z.string() });

export const ModelSchema = z.object({
  id: z.string(),
  model: z.string(),
  displayName: z.string(),
  description: z.string(),
  hidden: z.boolean(),
  isDefault: z.boolean(),
  defaultReasoningEffort: z.string(),
  supportedReasoningEfforts: z.array(ReasoningEffortOptionSchema),
  inputModalities: z.array(z.string()),
  supportsPersonality: z.boolean(),
  upgrade: z.string().nullable(),
  upgradeInfo: ModelUpgradeInfoSchema.nullable(),
  availabilityNux: ModelAvailabilityNuxSchema.nullable(),
  additionalSpeedTiers: z.array(z.string()),
  serviceTiers: z.array(ModelServiceTierSchema),
  defaultServiceTier: z.string().nullable(),
  modelSpecialty: z.string().nullable(),
  multiAgentVersion: MultiAgentVersionSchema.nullable(),
  availableAccessPrograms: z.null(),
});

export const ModelListResponseSchema = z.object({
  data: z.array(ModelSchema),
  nextCursor: z.string().nullable(),
});
