import {
  configOrigins,
  loadConfigLayerStack,
  mergeConfigLayers,
  validateConfigTable,
  type ConfigStackLayer,
} from '@codex-ts/config';
import {
  ConfigReadParamsSchema,
  type ConfigLayerMetadata,
  type ConfigReadParams,
} from '@codex-ts/protocol';
import { join } from 'node:path';
import { InternalRpcError } from '../../errors/rpc-errors.js';
import { parseParams } from '../../protocol/parse-params.js';
import type { ProcessorServices } from '../request-handler.js';
import { defineHandler } from '../request-handler.js';
import { apiConfigView, layerMetadata, layerView, REPORTED_FEATURES } from './config-layer-view.js';

/**
 * `config/read`: the effective config of the layers (system, user and, with `cwd`, the trusted
 * project layers) as a JSON object with config.toml's key names (keys config.toml does not know
 * are left out), `origins` mapping every dotted leaf key to the layer that set it, and with
 * `includeLayers` each layer (highest precedence first, untrusted projects with their
 * `disabledReason`). `features` also carries the effective state of the features the Rust app
 * server reports. Unreadable or invalid config is an internal error, as there.
 */
export const configReadHandler = defineHandler({
  method: 'config/read',
  requiresInitialize: true,
  parse: (params) => parseParams('config/read', ConfigReadParamsSchema, params),
  async handle(ctx, params: ConfigReadParams) {
    const { codexHome } = ctx.services;
    const cwd = params.cwd ?? null;
    let layers: ConfigStackLayer[];
    try {
      layers = await loadConfigLayerStack({ codexHome, cwd });
    } catch (error) {
      throw new InternalRpcError(`failed to read configuration layers: ${messageOf(error)}`);
    }
    const effective = mergeConfigLayers(layers);
    try {
      validateConfigTable(effective, join(codexHome, 'config.toml'), '');
    } catch (error) {
      throw new InternalRpcError(`invalid configuration: ${messageOf(error)}`);
    }
    const config = apiConfigView(effective);
    config['features'] = await reportedFeatures(ctx.services, cwd, config['features']);
    const origins: Record<string, ConfigLayerMetadata> = {};
    for (const [key, layer] of Object.entries(configOrigins(layers))) {
      origins[key] = layerMetadata(layer);
    }
    ctx.respond({
      config,
      origins,
      ...(params.includeLayers ? { layers: [...layers].reverse().map(layerView) } : {}),
    });
  },
});

async function reportedFeatures(
  services: ProcessorServices,
  cwd: string | null,
  configured: unknown,
): Promise<Record<string, unknown>> {
  const { codexHome, env } = services;
  let resolved: Record<string, boolean>;
  try {
    resolved = (await services.loadConfig({ codexHome, env, overrides: { cwd } })).features;
  } catch (error) {
    throw new InternalRpcError(
      `failed to resolve feature override precedence: ${messageOf(error)}`,
    );
  }
  const features: Record<string, unknown> =
    typeof configured === 'object' && configured !== null && !Array.isArray(configured)
      ? { ...(configured as Record<string, unknown>) }
      : {};
  for (const key of REPORTED_FEATURES) {
    const enabled = resolved[key];
    if (enabled !== undefined) features[key] = enabled;
  }
  return features;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
