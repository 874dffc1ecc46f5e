// syncs_generate / syncs_refresh: context.sync calls of the Office.js adapter for the largest plan,
// counted on the office-addin-mock fake of Excel that the adapter's tests use.
import { getCatalog } from "../src/core/catalog";
import { planTargets } from "../src/core/layout";
import { OfficeWorkbook } from "../src/shared/office-workbook";
import { createProgressService } from "../src/shared/progress-service";
import { FakeExcel } from "../test/shared/excel-mock";

export async function measureSyncs(): Promise<{
  generate: number;
  refresh: number;
  plan: string;
  rows: number;
}> {
  const catalog = getCatalog();
  const sizes = catalog.plans.map((p) => ({ id: p.id, rows: planTargets(catalog, p.id).length }));
  const largest = sizes.sort((a, b) => b.rows - a.rows)[0];
  const fx = new FakeExcel();
  fx.addSheet("Sheet1");
  fx.install();
  try {
    const service = createProgressService(new OfficeWorkbook(), catalog, { currentYear: () => 2024 });
    let s0 = fx.syncs;
    const result = await service.generate(largest.id, 2024);
    const generate = fx.syncs - s0;
    s0 = fx.syncs;
    await service.refresh(result.sheetName, { applyDataChanges: true });
    const refresh = fx.syncs - s0;
    return { generate, refresh, plan: largest.id, rows: largest.rows };
  } finally {
    fx.uninstall();
  }
}
