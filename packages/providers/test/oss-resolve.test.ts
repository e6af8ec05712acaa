import { describe, expect, it } from 'vitest';
import {
  DEFAULT_OSS_MODELS,
  NO_OSS_PROVIDER_MESSAGE,
  OSS_PROVIDER_IDS,
  OssProviderNotConfiguredError,
  UnknownOssProviderError,
  defaultOssModel,
  isOpenAiCompatibleBaseUrl,
  ollamaSupportsResponses,
  parseOllamaVersion,
  pullEventsFromLine,
  resolveOssProvider,
  serverRootOf,
} from '@codex-ts/providers';

describe('resolveOssProvider', () => {
  it('prefers --local-provider over oss_provider', () => {
    expect(resolveOssProvider({ localProvider: 'ollama', configOssProvider: 'lmstudio' })).toBe(
      'ollama',
    );
    expect(resolveOssProvider({ localProvider: null, configOssProvider: 'lmstudio' })).toBe(
      'lmstudio',
    );
  });

  it('treats blank values as unset', () => {
    expect(resolveOssProvider({ localProvider: '  ', configOssProvider: 'ollama' })).toBe('ollama');
  });

  it('fails with the Rust wording when nothing is configured', () => {
    let caught: unknown;
    try {
      resolveOssProvider({ localProvider: null, configOssProvider: null });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(OssProviderNotConfiguredError);
    const error = caught as OssProviderNotConfiguredError;
    expect(error.code).toBe('oss_provider_not_configured');
    expect(error.message).toBe(
      'No default OSS provider configured. Use --local-provider=provider or set oss_provider to ' +
        'one of: lmstudio, ollama in config.toml',
    );
    expect(error.message).toBe(NO_OSS_PROVIDER_MESSAGE);
  });

  it('rejects a provider that is not local, naming where it came from', () => {
    const fromFlag = () => resolveOssProvider({ localProvider: 'openai', configOssProvider: null });
    expect(fromFlag).toThrow(UnknownOssProviderError);
    expect(fromFlag).toThrow(/`openai` \(from --local-provider\) is not a local provider/);
    const fromConfig = () => resolveOssProvider({ localProvider: null, configOssProvider: 'vllm' });
    expect(fromConfig).toThrow(/`vllm` \(from oss_provider in config.toml\)/);
    try {
      fromConfig();
    } catch (error) {
      expect((error as UnknownOssProviderError).code).toBe('oss_provider_unknown');
      expect((error as UnknownOssProviderError).providerId).toBe('vllm');
    }
  });
});

describe('OSS defaults and helpers', () => {
  it('knows the default model of each local provider', () => {
    expect(OSS_PROVIDER_IDS).toEqual(['lmstudio', 'ollama']);
    expect(DEFAULT_OSS_MODELS).toEqual({ ollama: 'gpt-oss:20b', lmstudio: 'openai/gpt-oss-20b' });
    expect(defaultOssModel('ollama')).toBe('gpt-oss:20b');
    expect(defaultOssModel('lmstudio')).toBe('openai/gpt-oss-20b');
    expect(defaultOssModel('openai')).toBeNull();
  });

  it('derives the Ollama server root from a provider base URL', () => {
    expect(serverRootOf('http://localhost:11434/v1')).toBe('http://localhost:11434');
    expect(serverRootOf('http://localhost:11434/v1/')).toBe('http://localhost:11434');
    expect(serverRootOf('http://localhost:11434/')).toBe('http://localhost:11434');
    expect(isOpenAiCompatibleBaseUrl('http://h:1/v1/')).toBe(true);
    expect(isOpenAiCompatibleBaseUrl('http://h:1')).toBe(false);
  });

  it('gates the Responses API on Ollama 0.13.4 (0.0.0 dev builds pass)', () => {
    const supports = (raw: string) => ollamaSupportsResponses(parseOllamaVersion(raw)!);
    expect(supports('0.13.4')).toBe(true);
    expect(supports('v0.14.1')).toBe(true);
    expect(supports('1.0.0')).toBe(true);
    expect(supports('0.0.0')).toBe(true);
    expect(supports('0.13.3')).toBe(false);
    expect(supports('0.13.4-rc1')).toBe(false);
    expect(supports('0.9.12')).toBe(false);
    expect(parseOllamaVersion('not-a-version')).toBeNull();
    expect(parseOllamaVersion('0.13')).toBeNull();
  });

  it('turns pull NDJSON lines into events', () => {
    expect(pullEventsFromLine('{"status":"pulling manifest"}')).toEqual([
      { type: 'status', status: 'pulling manifest' },
    ]);
    expect(
      pullEventsFromLine('{"status":"pulling abc","digest":"sha256:abc","total":10,"completed":4}'),
    ).toEqual([
      { type: 'status', status: 'pulling abc' },
      { type: 'progress', digest: 'sha256:abc', total: 10, completed: 4 },
    ]);
    expect(pullEventsFromLine('{"digest":"sha256:d","completed":42}')).toEqual([
      { type: 'progress', digest: 'sha256:d', total: null, completed: 42 },
    ]);
    expect(pullEventsFromLine('{"status":"success"}')).toEqual([
      { type: 'status', status: 'success' },
      { type: 'success' },
    ]);
    expect(pullEventsFromLine('{"error":"boom"}')).toEqual([{ type: 'error', message: 'boom' }]);
    expect(pullEventsFromLine('not json')).toEqual([]);
    expect(pullEventsFromLine('   ')).toEqual([]);
  });
});
