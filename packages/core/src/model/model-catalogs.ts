import type { ResolvedConfig } from '@codex-ts/config';
import {
  defaultModelSlug,
  ModelsManager,
  type ModelCatalog as CatalogSnapshot,
  type ModelsEndpointConfig,
  type RefreshStrategy,
} from '@codex-ts/models-manager';
import { createModelRuntime, type ModelRuntime } from './model-runtime.js';

/**
 * The model catalog of one CODEX_HOME as threads see it: the bundled catalog, or
 * `models_cache.json` when a refresh (`model/list`) has written one. Runtimes (tools and request
 * traits) are built once per model, provider wire and feature set.
 */
export class ModelCatalog {
  private readonly runtimes = new Map<string, ModelRuntime>();

  constructor(readonly manager: ModelsManager) {}

  /** Re-reads the catalog without network; runtimes are rebuilt from it as needed. */
  async reload(): Promise<void> {
    await this.manager.listModels('offline');
    this.runtimes.clear();
  }

  /** When no layer chose a model, the catalog's default model (as the Rust Codex picks it). */
  withDefaultModel(config: ResolvedConfig): ResolvedConfig {
    if (config.modelExplicit) return config;
    const slug = defaultModelSlug(this.manager.currentModels());
    return slug === undefined || slug === config.model ? config : { ...config, model: slug };
  }

  runtimeFor(config: ResolvedConfig): ModelRuntime {
    const { features } = config;
    const key = JSON.stringify([
      config.model,
      config.modelProvider.wireApi,
      config.updatePlanEnabled,
      features,
    ]);
    let runtime = this.runtimes.get(key);
    if (runtime === undefined) {
      runtime = createModelRuntime(this.manager.modelInfo(config.model), {
        features,
        wireApi: config.modelProvider.wireApi,
        updatePlanEnabled: config.updatePlanEnabled,
      });
      this.runtimes.set(key, runtime);
    }
    return runtime;
  }
}

/**
 * One catalog per CODEX_HOME. Each thread start re-reads it offline (`models_cache.json` when a
 * `model/list` or `codex debug models` refresh wrote one, else the bundled catalog), so a new
 * thread sees the latest catalog without any network request of its own.
 */
export class ModelCatalogs {
  private readonly catalogs = new Map<string, ModelCatalog>();

  constructor(private readonly cliVersion: string) {}

  async forHome(codexHome: string): Promise<ModelCatalog> {
    let catalog = this.catalogs.get(codexHome);
    if (catalog === undefined) {
      catalog = new ModelCatalog(new ModelsManager({ codexHome, clientVersion: this.cliVersion }));
      this.catalogs.set(codexHome, catalog);
    }
    await catalog.reload();
    return catalog;
  }

  /**
   * The catalog for `model/list` and `codex debug models`: refreshed from `endpoint` by
   * `strategy` (the result is cached in `models_cache.json`, where new threads find it), or read
   * offline when there is no endpoint to ask.
   */
  async list(
    codexHome: string,
    endpoint: ModelsEndpointConfig | null,
    strategy: RefreshStrategy,
  ): Promise<CatalogSnapshot> {
    const catalog = await this.forHome(codexHome);
    if (endpoint === null) return catalog.manager.listModels('offline');
    const online = new ModelsManager({
      codexHome,
      clientVersion: this.cliVersion,
      endpoint,
      remoteIsAuthoritative: true,
    });
    const result = await online.listModels(strategy);
    await catalog.reload();
    return result;
  }
}
