// syncs_generate / syncs_refresh: context.sync calls of the Office.js adapter for the largest plan,
// counted on the office-addin-mock fake of Excel that the adapter's tests use.
import { bundledCatalog } from "../src/core/catalog/catalog";
import { createCatalogStore } from "../src/core/catalog/store";
import { planTargets } from "../src/core/sheet/layout";
import { registerPlanFunctions } from "../src/functions/hyperformula";
import { createFillService } from "../src/services/fill-service";
import type { FillOptions } from "../src/sheet/fill-table";
import { MemoryWorkbook } from "../src/workbook/memory-workbook";
import { OfficeWorkbook } from "../src/workbook/office-workbook";
import { createProgressService } from "../src/services/progress-service";
import type { Workbook } from "../src/workbook/workbook";
import { FakeExcel } from "../test/shared/excel-mock";

export async function measureSyncs(): Promise<{
  generate: number;
  refresh: number;
  plan: string;
  rows: number;
}> {
  const catalog = bundledCatalog();
  const sizes = catalog.plans.map((p) => ({ id: p.id, rows: planTargets(catalog, p.id).length }));
  const largest = sizes.sort((a, b) => b.rows - a.rows)[0];
  const fx = new FakeExcel();
  fx.addSheet("Sheet1");
  fx.install();
  try {
    const service = createProgressService(new OfficeWorkbook(), createCatalogStore(catalog), {
      currentYear: () => 2024,
    });
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

// fill_100_rows_*: 填充我的表格 on a 100-row report (decorated labels, one in four unknown), all five columns as
// PLAN.* formulas. Syncs on the office-addin-mock fake; time on the in-memory workbook (HyperFormula computes
// the 375 formulas of the 75 rows found) and on the fake.
const FILL_LABELS = ["1.高新技术企业数(家)", "研发经费投入强度(%)", "每万人口发明专利拥有量", "科普示范基地"];
const FILL_OPTS: FillOptions = {
  columns: ["target", "baseline", "expected", "completion", "status"],
  mode: "formulas",
  firstCol: 3,
  actualCol: 2,
  asOfYear: 2023,
};

async function fillOnce(workbook: Workbook, rows: number): Promise<number> {
  const fill = createFillService(workbook, createCatalogStore());
  const { table, rows: resolved } = await fill.read("益阳", 2025, `B2:B${rows + 1}`);
  return fill.fill(table, resolved, FILL_OPTS);
}

export async function measureFill(rows = 100): Promise<{ syncs: number; ms: number; mockMs: number }> {
  registerPlanFunctions();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const wb = new MemoryWorkbook();
    wb.addSheet("报表");
    for (let r = 0; r < rows; r++) {
      wb.setCell("报表", `B${r + 2}`, FILL_LABELS[r % FILL_LABELS.length]);
      wb.setCell("报表", `C${r + 2}`, 100 + r);
    }
    const t0 = performance.now();
    await fillOnce(wb, rows);
    wb.valuesOf("报表"); // the formulas computed
    times.push(performance.now() - t0);
  }
  const fx = new FakeExcel();
  const s = fx.addSheet("报表");
  for (let r = 0; r < rows; r++) {
    s.set(`B${r + 2}`, FILL_LABELS[r % FILL_LABELS.length]);
    s.set(`C${r + 2}`, 100 + r);
  }
  fx.install();
  try {
    const s0 = fx.syncs;
    const t0 = performance.now();
    await fillOnce(new OfficeWorkbook({ supported: () => true }), rows);
    const mockMs = performance.now() - t0;
    times.sort((a, b) => a - b);
    return { syncs: fx.syncs - s0, ms: times[2], mockMs };
  } finally {
    fx.uninstall();
  }
}
