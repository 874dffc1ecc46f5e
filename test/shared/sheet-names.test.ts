// Sheet names by Excel's rules (≤ 31 characters, no []:*?/\, unique letter case aside), one function for the CLI
// report's workbook and the pane's sheets: two plans whose names differ only by case, or by a stripped "/".
import fixture from "../fixtures/example-pack.json";
import { validatePack, type PlanPack } from "../../src/core/packs/pack";
import { buildCatalogWithPacks } from "../../src/core/packs/pack-import";
import { createFace } from "./face";
import { excelSheetName, sheetKey, uniqueSheetName } from "../../src/core/sheet/sheet-names";
import { buildReport } from "../../src/cli/report";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { serviceOver } from "./service-over";

/** The example pack with four plans of one region, short names clashing in pairs. */
function clashingPack(): PlanPack {
  const p = JSON.parse(JSON.stringify(fixture)) as PlanPack;
  const first = p.plans[0];
  const names = ["ABC科技", "abc科技", "A/B科技", "AB科技"];
  p.plans = names.map((shortName, i) => ({
    ...first,
    id: `plan${i}`,
    title: `示例县规划${i}`,
    shortName,
    observations: [],
    targets: [{ ...first.targets[0], id: `t${i}`, baseline: null, targetYear: 2027 + i }],
  }));
  const v = validatePack(p);
  if (!v.ok) throw new Error(v.errors.join("\n"));
  return v.pack;
}

const unique = (names: string[]) => new Set(names.map(sheetKey)).size === names.length;

const face = createFace();
afterEach(() => face.importPacks([]));

describe("excelSheetName and uniqueSheetName", () => {
  test("forbidden characters are removed, the name cut to 31 between code points, outer apostrophes dropped", () => {
    expect(excelSheetName("进度_A/B:C*D?E[F]G\\H")).toBe("进度_ABCDEFGH");
    expect(excelSheetName(`'${"a".repeat(30)}𠮷'`)).toBe("a".repeat(30));
    expect(excelSheetName("///")).toBe("Sheet");
  });

  test("unique letter case aside, with (2) (3) … inside 31 characters", () => {
    const taken = new Set<string>();
    const long = `进度_${"长".repeat(40)}`;
    const got = ["进度_ABC", "进度_abc", "进度_Abc", long, long].map((n) => uniqueSheetName(n, taken));
    expect(got.slice(0, 3)).toEqual(["进度_ABC", "进度_abc(2)", "进度_Abc(3)"]);
    expect(got[4]).toBe(`${got[3].slice(0, 28)}(2)`);
    for (const n of got) expect(n.length).toBeLessThanOrEqual(31);
    expect(unique(got)).toBe(true);
  });
});

describe("plans whose sheet names clash", () => {
  test("the CLI report writes one sheet per plan and per 上报, all names unique", async () => {
    face.importPacks([clashingPack()]);
    const r = buildReport(
      { region: "示例县", year: 2026, plan: null, actuals: null, out: "x.xlsx", force: false },
      face.context(),
    );
    const names = r.workbook.worksheets.map((w) => w.name);
    expect(r.layouts.map((l) => l.sheetName)).toEqual([
      "进度_ABC科技",
      "进度_abc科技(2)",
      "进度_AB科技",
      "进度_AB科技(2)",
    ]);
    expect(names).toHaveLength(8);
    expect(unique(names)).toBe(true);
    await r.workbook.xlsx.writeBuffer();
  });

  test("the pane makes a sheet per plan, and generating again refreshes that sheet", async () => {
    const catalog = buildCatalogWithPacks([clashingPack()]).catalog;
    const wb = new MemoryWorkbook();
    const service = serviceOver(wb, { year: 2026, catalog: catalog });
    const ids = catalog.plans.filter((p) => p.region.endsWith("--shilixian")).map((p) => p.id);
    expect(ids).toHaveLength(4);
    const made = [];
    for (const id of ids) made.push((await service.generate(id, 2026)).sheetName);
    expect(made).toEqual(["进度_ABC科技", "进度_abc科技(2)", "进度_AB科技", "进度_AB科技(2)"]);
    expect((await service.generate(ids[1], 2026)).sheetName).toBe("进度_abc科技(2)");
    expect((await service.listProgressSheets()).map((s) => [s.sheetName, s.planId])).toEqual(
      made.map((n, i) => [n, ids[i]]),
    );
  });
});
