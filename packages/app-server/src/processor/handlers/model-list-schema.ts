import * as z from 'zod';

/** `model/list` params (schema `ModelListParams`). */
export const ModelListParamsSchema = z.object({
  cursor: z.string().nullish(),
  limit: z.number().int().min(0).max(0xffff_ffff).nullish(),
  includeHidden: z.boolean().nullish(),
  modelProvider: z.string().nullish(),
});
export type ModelListParams = z.output<typeof ModelListParamsSchema>;

/** `ReasoningEffortOption` of the schema. */
export interface ModelReasoningEffortOption {
  reasoningEffort: string;
  description: string;
}

/** `ModelUpgradeInfo` of the schema. */
export interface ModelUpgradeInfo {
  model: string;
  migrationMarkdown: string | null;
  modelLink: string | null;
  upgradeCopy: string | null;
  retirementAt: number | null;
}

/** `ModelServiceTier` of the schema. */
export interface ModelListServiceTier {
  id: string;
  name: string;
  description: string;
}

/** One model of a `model/list` answer (schema `Model`). */
export interface ModelListEntry {
  id: string;
  model: string;
  displayName: string;
  description: string;
  hidden: boolean;
  isDefault: boolean;
  defaultReasoningEffort: string;
  supportedReasoningEfforts: ModelReasoningEffortOption[];
  inputModalities: string[];
  supportsPersonality: boolean;
  upgrade: string | null;
  upgradeInfo: ModelUpgradeInfo | null;
  availabilityNux: { message: string } | null;
  additionalSpeedTiers: string[];
  serviceTiers: ModelListServiceTier[];
  defaultServiceTier: string | null;
  modelSpecialty: string | null;
  multiAgentVersion: 'disabled' | 'v1' | 'v2' | null;
  availableAccessPrograms: null;
}

/** `model/list` result (schema `ModelListResponse`). */
export interface ModelListResponse {
  data: ModelListEntry[];
  nextCursor: string | null;
}
