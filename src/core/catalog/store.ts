// The catalog a face answers from, held by the face itself. Each entry point makes one store: the shared
// runtime (Excel's custom functions and the task pane, one page), the preview and the command line each their
// own, so that an import in one never changes what another answers. A store starts with the bundled plans;
// importing plans installs a catalog of bundled + imported ones (packs/pack-import.ts), and its listeners
// hear of it (the pane re-renders; a Runner notices by itself and drops its memo).
import { bundledCatalog, type Catalog } from "./catalog";

export interface CatalogStore {
  /** The catalog answers come from now. */
  current(): Catalog;
  /** Make `catalog` the current one (null: back to the bundled plans alone), then tell every listener. */
  install(catalog: Catalog | null): void;
  /** Call f after every install; returns the function that stops it. */
  subscribe(f: () => void): () => void;
}

/** A store over the bundled plans (or `initial`, a catalog a test or tool built itself). */
export function createCatalogStore(initial?: Catalog): CatalogStore {
  // null: the bundled plans, built when first asked for. Excel makes the shared runtime's store when it loads
  // the custom functions, before any formula asks (cold start).
  let catalog: Catalog | null = initial ?? null;
  const listeners = new Set<() => void>();
  return {
    current: () => (catalog ??= bundledCatalog()),
    install(c) {
      catalog = c;
      for (const f of [...listeners]) f();
    },
    subscribe(f) {
      // Wrapped, so that one function subscribed twice is two subscriptions, each stopped by its own call.
      const listener = () => f();
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
