import { describe, expect, it } from 'vitest';
import { bundledModels } from './catalog/bundled-catalog.js';
import {
  fallbackModelInfo,
  fallbackModelWarning,
  findModelInfo,
  resolveModelInfo,
} from './lookup.js';
import { effectiveContextWindow, ModelInfoSchema, parseModelList } from './model-info.js';
import { defaultModelSlug, modelPresets } from './presets.js';
import { clientVersionToWhole } from './client-version.js';

const catalog = bundledModels();

describe('bundled catalog', () => {
  it('covers the expected models, ordered by unique priorities', () => {
    const slugs = modelPresets(catalog).map((p) => p.info.slug);
    for (const slug of [
      'gpt-5.5',
      'gpt-5.4',
      'gpt-5.4-mini',
      'gpt-5.3-codex',
      'gpt-5.2',
      'gpt-5.6-sol',
      'gpt-5.6',
      'gpt-6',
      'gpt-6-mini',
    ]) {
      expect(slugs).toContain(slug);
    }
    expect(new Set(catalog.map((m) => m.priority)).size).toBe(catalog.length);
    // Earlier models stay in the catalog, hidden, so configs naming them get their own tools.
    for (const slug of ['gpt-5', 'gpt-5-codex', 'gpt-5.1-codex-max', 'gpt-5.2-codex']) {
      expect(catalog.find((m) => m.slug === slug)?.visibility).toBe('hide');
    }
    for (const m of catalog.filter((entry) => entry.slug !== 'gpt-oss')) {
      expect(m.shell_type).toBe('unified_exec');
      expect(m.apply_patch_tool_type).toBe('freeform');
      expect(m.truncation_policy).toEqual({ mode: 'tokens', limit: 10000 });
      expect(m.supported_reasoning_levels.map((l) => l.effort)).toContain(
        m.default_reasoning_level,
      );
    }
  });

  it('marks the first picker-visible model by priority as the default', () => {
    const presets = modelPresets(catalog);
    expect(presets.filter((p) => p.isDefault)).toHaveLength(1);
    expect(presets[0]?.isDefault).toBe(true);
    expect(defaultModelSlug(catalog)).toBe('gpt-5.6-sol');
    expect(defaultModelSlug(catalog, 'gpt-5.2')).toBe('gpt-5.2');
  });

  it('falls back to the first model when none is picker-visible', () => {
    const hidden = catalog.map((m) => ({ ...m, visibility: 'hide' as const }));
    const presets = modelPresets(hidden);
    expect(presets[0]?.isDefault).toBe(true);
    expect(presets.some((p) => p.showInPicker)).toBe(false);
  });

  it('returns a fresh copy each call', () => {
    const a = bundledModels();
    a[0]!.display_name = 'changed';
    expect(bundledModels()[0]!.display_name).not.toBe('changed');
  });
});

describe('findModelInfo', () => {
  it('matches an exact slug', () => {
    expect(findModelInfo(catalog, 'gpt-5.4')?.display_name).toBe('GPT-5.4');
    expect(findModelInfo(catalog, 'gpt-5.4')?.used_fallback_model_metadata).toBe(false);
  });

  it('matches the longest prefix and keeps the requested slug', () => {
    const dated = findModelInfo(catalog, 'gpt-5.4-2026-01-01');
    expect(dated?.display_name).toBe('GPT-5.4');
    expect(dated?.slug).toBe('gpt-5.4-2026-01-01');
    expect(findModelInfo(catalog, 'gpt-5.4-mini-2026-02-02')?.display_name).toBe('GPT-5.4 Mini');
    expect(findModelInfo(catalog, 'gpt-5.6-sol-preview')?.display_name).toBe('GPT-5.6 Sol');
    expect(findModelInfo(catalog, 'gpt-6-mini-latest')?.display_name).toBe('GPT-6 Mini');
  });

  it('retries a provider-namespaced slug without its namespace', () => {
    expect(findModelInfo(catalog, 'custom/gpt-5.3-codex')?.display_name).toBe('GPT-5.3 Codex');
    expect(findModelInfo(catalog, 'a/b/gpt-5.3-codex')).toBeUndefined();
    expect(findModelInfo(catalog, 'bad ns/gpt-5.3-codex')).toBeUndefined();
  });

  it('does not match unknown slugs or a slug shorter than every entry', () => {
    expect(findModelInfo(catalog, 'o3')).toBeUndefined();
    expect(findModelInfo(catalog, 'gpt-4.1')).toBeUndefined();
    expect(findModelInfo(catalog, 'gpt')).toBeUndefined();
  });

  it('finds local gpt-oss builds by prefix, with or without a namespace', () => {
    for (const slug of ['gpt-oss:20b', 'gpt-oss-120b', 'openai/gpt-oss-20b']) {
      expect(findModelInfo(catalog, slug)).toMatchObject({
        slug,
        apply_patch_tool_type: 'function',
        context_window: 128000,
      });
    }
  });
});

describe('fallbackModelInfo', () => {
  it('uses the conservative defaults of the Rust Codex', () => {
    const info = fallbackModelInfo('my-local-model');
    expect(ModelInfoSchema.safeParse(info).success).toBe(true);
    expect(info).toMatchObject({
      slug: 'my-local-model',
      display_name: 'my-local-model',
      context_window: 272_000,
      truncation_policy: { mode: 'bytes', limit: 10_000 },
      effective_context_window_percent: 95,
      supports_parallel_tool_calls: false,
      apply_patch_tool_type: 'function',
      shell_type: 'default',
      used_fallback_model_metadata: true,
    });
    expect(effectiveContextWindow(info)).toBe(258_400);
  });

  it('resolveModelInfo warns only when it falls back', () => {
    expect(resolveModelInfo(catalog, 'gpt-5.5').warning).toBeUndefined();
    const resolved = resolveModelInfo(catalog, 'mystery');
    expect(resolved.info.used_fallback_model_metadata).toBe(true);
    expect(resolved.warning).toBe(fallbackModelWarning('mystery'));
    expect(resolved.warning).toBe(
      'Model metadata for `mystery` not found. Defaulting to fallback metadata; this can degrade performance and cause issues.',
    );
  });
});

describe('parseModelList', () => {
  it('keeps unknown fields and skips only malformed entries', () => {
    const good = { ...catalog[0], slug: 'x-1', some_future_field: { a: 1 } };
    const { models, rejected } = parseModelList([good, { slug: 'broken' }, 42]);
    expect(models.map((m) => m.slug)).toEqual(['x-1']);
    expect(models[0]?.['some_future_field']).toEqual({ a: 1 });
    expect(rejected).toHaveLength(2);
    expect(rejected[0]).toMatch(/^model broken: /);
  });
});

describe('clientVersionToWhole', () => {
  it('keeps major.minor.patch only', () => {
    expect(clientVersionToWhole('1.2.3-alpha.4')).toBe('1.2.3');
    expect(clientVersionToWhole('0.163.0')).toBe('0.163.0');
    expect(clientVersionToWhole('dev')).toBe('0.0.0');
  });
});
