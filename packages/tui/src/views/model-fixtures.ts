import type { ModelEntry } from './model-picker.js';

// `model/list` entries used by the model picker tests.

function effort(
  reasoningEffort: string,
  description: string,
): { reasoningEffort: string; description: string } {
  return { reasoningEffort, description };
}

export function modelEntry(over: Partial<ModelEntry> & { model: string }): ModelEntry {
  return {
    id: over.model,
    displayName: over.model,
    description: '',
    hidden: false,
    isDefault: false,
    defaultReasoningEffort: 'medium',
    supportedReasoningEfforts: [
      effort('low', 'Fast responses with lighter reasoning'),
      effort('medium', 'Balances speed and reasoning depth for everyday tasks'),
      effort('high', 'Greater reasoning depth for complex problems'),
      effort('xhigh', 'Extra high reasoning depth for the hardest problems'),
    ],
    inputModalities: ['text', 'image'],
    supportsPersonality: false,
    upgrade: null,
    upgradeInfo: null,
    availabilityNux: null,
    additionalSpeedTiers: [],
    serviceTiers: [],
    defaultServiceTier: null,
    modelSpecialty: null,
    multiAgentVersion: null,
    availableAccessPrograms: null,
    ...over,
  };
}

export const sampleModels: ModelEntry[] = [
  modelEntry({
    model: 'gpt-5.1-codex',
    description: 'Optimized for coding tasks with many tools.',
    isDefault: true,
  }),
  modelEntry({
    model: 'gpt-5.1',
    description: 'Broad world knowledge with strong general reasoning.',
  }),
  modelEntry({
    model: 'gpt-5.1-codex-mini',
    description: 'Cheaper, faster, less capable.',
    supportedReasoningEfforts: [effort('medium', 'Default')],
  }),
  modelEntry({ model: 'secret-model', description: 'Hidden', hidden: true }),
  modelEntry({
    model: 'no-effort',
    description: 'No reasoning',
    supportedReasoningEfforts: [],
    defaultReasoningEffort: 'none',
  }),
];
