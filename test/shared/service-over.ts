// The progress service as tests make it: over a workbook, with a fixed clock (the year "now" is given, so no
// test depends on the date it runs), over the bundled plans or a given catalog or store.
import type { Catalog } from "../../src/core/catalog/catalog";
import { createCatalogStore, type CatalogStore } from "../../src/core/catalog/store";
import { createProgressService } from "../../src/services/progress-service";
import type { UndoLog } from "../../src/workbook/undo";
import type { Workbook } from "../../src/workbook/workbook";

export interface ServiceOver {
  /** The year the clock says it is (the default 评估年份 follows it). */
  year: number;
  catalog?: Catalog;
  store?: CatalogStore;
  /** 撤销: record the writes there. */
  undo?: UndoLog;
}

export function serviceOver(wb: Workbook, { year, catalog, store, undo }: ServiceOver) {
  const s = store ?? createCatalogStore(catalog);
  return createProgressService(wb, s, { currentYear: () => year, undo });
}
