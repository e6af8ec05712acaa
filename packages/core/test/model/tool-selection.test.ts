import { describe, expect, it } from 'vitest';
import { bundledModels, fallbackModelInfo, type ModelInfo } from '@codex-ts/models-manager';
import { selectTools, type ToolSelectionSettings } from '../../src/model/tool-selection.js';
import { requestTraits } from '../../src/model/request-traits.js';

const catalogModel = (slug: string): ModelInfo => {
  const info = bundledModels().find((m) => m.slug === slug);
  if (!info) throw new Error(`${slug} is not in the bundled catalog`);
  return info;
};

const settings = (over: Partial<ToolSelectionSettings> = {}): ToolSelectionSettings => ({
  features: {},
  wireApi: 'responses',
  updatePlanEnabled: true,
  ...over,
});

describe('selectTools', () => {
  it('gives catalog models exec_command + write_stdin and freeform apply_patch', () => {
    for (const slug of [
      'gpt-5.5',
      'gpt-5.4',
      'gpt-5.4-mini',
      'gpt-5.3-codex',
      'gpt-5.2',
      'gpt-6',
    ]) {
      expect(selectTools(catalogModel(slug), settings())).toEqual({
        shell: 'unified_exec',
        applyPatch: 'freeform',
        updatePlan: true,
        viewImage: true,
      });
    }
  });

  it('gives an unknown model the fallback tools: apply_patch as a function', () => {
    expect(selectTools(fallbackModelInfo('my-model'), settings())).toMatchObject({
      shell: 'unified_exec',
      applyPatch: 'function',
    });
  });

  it('turns freeform into the function variant on Chat Completions', () => {
    expect(selectTools(catalogModel('gpt-5.5'), settings({ wireApi: 'chat' })).applyPatch).toBe(
      'function',
    );
  });

  it('follows the shell_tool and unified_exec features', () => {
    const info = catalogModel('gpt-5.5');
    expect(selectTools(info, settings({ features: { shell_tool: false } })).shell).toBe('disabled');
    expect(selectTools(info, settings({ features: { unified_exec: false } })).shell).toBe(
      'shell_command',
    );
    const disabled: ModelInfo = { ...info, shell_type: 'disabled' };
    expect(selectTools(disabled, settings({ features: { unified_exec: false } })).shell).toBe(
      'disabled',
    );
  });

  it('declares apply_patch for a model without a type only with apply_patch_freeform', () => {
    const info: ModelInfo = { ...catalogModel('gpt-5.5'), apply_patch_tool_type: null };
    expect(selectTools(info, settings()).applyPatch).toBeNull();
    expect(
      selectTools(info, settings({ features: { apply_patch_freeform: true } })).applyPatch,
    ).toBe('freeform');
  });

  it('honours view_image_tool and [tools.update_plan]', () => {
    const info = catalogModel('gpt-5.5');
    const chosen = selectTools(
      info,
      settings({ features: { view_image_tool: false }, updatePlanEnabled: false }),
    );
    expect(chosen).toMatchObject({ viewImage: false, updatePlan: false });
  });
});

describe('requestTraits', () => {
  it('reads reasoning, verbosity, parallel calls and the usable window from the catalog', () => {
    expect(requestTraits(catalogModel('gpt-5.4'))).toEqual({
      reasoning: true,
      defaultEffort: 'medium',
      verbosity: true,
      defaultVerbosity: 'low',
      parallelToolCalls: true,
      contextWindow: 258_400,
    });
  });

  it('keeps an unknown model conservative', () => {
    expect(requestTraits(fallbackModelInfo('x'))).toMatchObject({
      reasoning: false,
      verbosity: false,
      parallelToolCalls: false,
      contextWindow: 258_400,
    });
  });
});
