// One face's catalog, as an entry point makes it (the shared runtime, the preview, the CLI): a store over the
// bundled plans, its runner, and importPacks into that store. Tests of imported plans make one per file, or
// one per test where a fresh runtime matters.
import { createCatalogStore } from "../../src/core/catalog/store";
import { Runner } from "../../src/core/functions/runner";
import { importPacks } from "../../src/core/packs/pack-import";
import type { PlanPack } from "../../src/core/packs/pack";

export function createFace() {
  const store = createCatalogStore();
  const runner = new Runner(store);
  return {
    store,
    runner,
    /** PLAN.<id> over the store's catalog, memoized as the faces run it. */
    run: (id: string, args: readonly unknown[]) => runner.run(id, args),
    /** The store's catalog and its resolver. */
    context: () => runner.context(),
    catalog: () => store.current(),
    importPacks: (packs: PlanPack[]) => importPacks(store, packs),
  };
}
