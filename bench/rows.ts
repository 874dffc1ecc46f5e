// rows_1000_*: generate, then refresh, the progress sheet of a plan of 1,000 targets (an imported plan: 200
// indicators × 5 target years in one county) on the in-memory workbook (HyperFormula), through the progress
// service as the pane calls it. Floor: HyperFormula building the same grid (buildFromSheets of the values and
// formulas the generated sheet holds, PLAN.* registered), which is what computing that sheet costs at least.
import { HyperFormula } from "hyperformula";
import { createCatalogStore, type CatalogStore } from "../src/core/catalog/store";
import { Runner } from "../src/core/functions/runner";
import { validatePack } from "../src/core/packs/pack";
import { importPacks } from "../src/core/packs/pack-import";
import { registerPlanFunctions } from "../src/functions/hyperformula";
import { createProgressService } from "../src/services/progress-service";
import { MemoryWorkbook } from "../src/workbook/memory-workbook";
import { now, median } from "./clock";

const YEARS = [2026, 2027, 2028, 2029, 2030];
const UNITS = ["家", "个", "项", "亿元", "件"];

/** A pack of one plan with `indicators` × 5 targets. */
function bigPlanPack(indicators: number) {
  return {
    format: "plan-pack",
    version: 1,
    id: "bench-rows",
    name: "基准测试千行规划(生成)",
    source: "生成的基准测试数据",
    regions: [{ id: "rows-county", name: "千行县", fullName: "测试省千行县", kind: "district", aliases: [] }],
    indicators: Array.from({ length: indicators }, (_, i) => ({
      id: `row_ind_${i}`,
      name: `千行指标${i}号`,
    })),
    plans: [
      {
        id: "rows-plan",
        title: "千行县科技创新规划",
        shortName: "千行县科技",
        issuer: "千行县人民政府",
        issued: "2026-03",
        region: "rows-county",
        period: { start: 2026, end: 2030 },
        baseYear: 2025,
        observations: [],
        targets: Array.from({ length: indicators * YEARS.length }, (_, k) => {
          const i = k % indicators;
          const year = YEARS[Math.floor(k / indicators)];
          const unit = UNITS[i % UNITS.length];
          const value = 10 + i + Math.floor(k / indicators);
          return {
            id: `rows-${k}`,
            region: "rows-county",
            indicator: `row_ind_${i}`,
            unit,
            value,
            comparison: "at_least",
            kind: "level",
            targetYear: year,
            quote: `到${year}年,千行指标${i}号达到${value}${unit}`,
          };
        }),
      },
    ],
  };
}

export interface RowsFigures {
  rows: number;
  formulas: number;
  generateMs: number;
  refreshMs: number;
  floorMs: number;
}

/** One generate + refresh on a fresh workbook and runner (no memo from an earlier repetition). */
async function once(store: CatalogStore, planId: string) {
  registerPlanFunctions(new Runner(store));
  const wb = new MemoryWorkbook();
  wb.addSheet("Sheet1");
  const service = createProgressService(wb, store, { currentYear: () => 2027 });
  let t = now();
  const r = await service.generate(planId, 2027);
  wb.valuesOf(r.sheetName); // computed
  const generateMs = now() - t;
  t = now();
  await service.refresh(r.sheetName, { applyDataChanges: true });
  wb.valuesOf(r.sheetName);
  const refreshMs = now() - t;
  return { wb, sheet: r.sheetName, rows: r.rows, generateMs, refreshMs };
}

/** The floor: a fresh runner and HyperFormula building the generated sheet's values and formulas. */
function floor(store: CatalogStore, grid: (string | number | boolean | null)[][], sheet: string) {
  registerPlanFunctions(new Runner(store));
  const t = now();
  const hf = HyperFormula.buildFromSheets({ [sheet]: grid }, { licenseKey: "gpl-v3", smartRounding: false }); // as MemoryWorkbook
  const ms = now() - t;
  const values = hf.getSheetValues(hf.getSheetId(sheet)!);
  hf.destroy();
  return { ms, values };
}

export async function measureRows(indicators = 200): Promise<RowsFigures> {
  const v = validatePack(bigPlanPack(indicators));
  if (!v.ok) throw new Error(v.errors.slice(0, 3).join("; "));
  const store = createCatalogStore();
  importPacks(store, [v.pack]);
  const runs = [];
  const planId = store.current().plans.find((p) => p.title === "千行县科技创新规划")!.id;
  for (let i = 0; i < 3; i++) runs.push(await once(store, planId));
  const last = runs[runs.length - 1];
  const grid = last.wb.contentOf(last.sheet).formulas as (string | number | boolean | null)[][];
  const floors = [0, 1, 2].map(() => floor(store, grid, last.sheet));
  // The same grid: the floor computes what the workbook shows (a row's target value, at least).
  const numbers = (g: unknown[][]) =>
    JSON.stringify(
      g
        .flat()
        .filter((x): x is number => typeof x === "number")
        .sort((a, b) => a - b),
    );
  const shown = last.wb.valuesOf(last.sheet);
  if (numbers(shown) !== numbers(floors[0].values)) {
    const at = shown.flatMap((row, r) =>
      row.flatMap((v, c) =>
        v !== floors[0].values[r]?.[c] &&
        (typeof v === "number" || typeof floors[0].values[r]?.[c] === "number")
          ? [`${r},${c}: ${String(v)} / ${String(floors[0].values[r]?.[c])}`]
          : [],
      ),
    );
    throw new Error(`the floor computed another grid: ${at.slice(0, 5).join("; ")}`);
  }
  registerPlanFunctions();
  return {
    rows: last.rows,
    formulas: grid.flat().filter((c) => typeof c === "string" && c.startsWith("=")).length,
    generateMs: median(runs.map((r) => r.generateMs)),
    refreshMs: median(runs.map((r) => r.refreshMs)),
    floorMs: median(floors.map((f) => f.ms)),
  };
}

if (require.main === module) void measureRows().then((r) => console.log(r));
