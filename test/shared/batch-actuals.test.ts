// Batch actuals pasted into the pane, on the in-memory workbook: names resolved like PLAN.TARGET, a preview
// with every problem before writing, the rows still without an assessment and what they lack, no overwrite
// without confirmation.
import { createCatalogStore } from "../../src/core/catalog/store";
import { bundledCatalog } from "../../src/core/catalog/catalog";
import { COL, needsBaselineInput, planTargets, plansCovering } from "../../src/core/sheet/layout";
import { createBatchService } from "../../src/sheet/batch-actuals";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { HostError } from "../../src/services/service";
import { colIndex } from "../../src/workbook/workbook";
import { serviceOver } from "./service-over";

const catalog = bundledCatalog();
const yiyangPlan = catalog.plans.find((p) => p.region === "yiyang")!.id;

async function sheet(planId = yiyangPlan, year = 2023) {
  const wb = new MemoryWorkbook();
  wb.addSheet("Sheet1");
  const { sheetName } = await serviceOver(wb, { year: year, catalog: catalog }).generate(planId, year);
  return { wb, sheetName };
}
const rowOf = (wb: MemoryWorkbook, sheetName: string, indicator: string) =>
  wb.valuesOf(sheetName).findIndex((r) => r[colIndex(COL.indicator)] === indicator);

test("a block pasted from Excel: previewed, written into 实际值, status computed", async () => {
  const { wb, sheetName } = await sheet();
  const batch = createBatchService(wb, createCatalogStore());
  const p = await batch.preview(sheetName, "高新技术企业\t470\n研发经费投入强度\t2.1%\n");
  expect(p.issues).toEqual([]);
  expect(p.rows.map((r) => [r.target.indicatorDef.name, r.actual])).toEqual([
    ["高新技术企业", 470],
    ["研发经费投入强度", 2.1],
  ]);
  expect(await batch.apply(p)).toBe(2);
  const r = rowOf(wb, sheetName, "高新技术企业");
  expect(wb.valuesOf(sheetName)[r][colIndex(COL.actual)]).toBe(470);
  expect(wb.valuesOf(sheetName)[r][colIndex(COL.status)]).toBe("进度滞后");
});

test("470家 in a 家 row is read as 470, as the CLI reads it", async () => {
  const { wb, sheetName } = await sheet();
  const p = await createBatchService(wb, createCatalogStore()).preview(sheetName, "高新技术企业\t470家\n");
  expect(p.issues).toEqual([]);
  expect(p.rows.map((r) => r.actual)).toEqual([470]);
});

test("problems are listed per row before anything is written", async () => {
  const { wb, sheetName } = await sheet();
  const batch = createBatchService(wb, createCatalogStore());
  const writes = wb.writes;
  const p = await batch.preview(
    sheetName,
    "指标,实际值\n高新技术企业,470家\n人均科普经费,3\n高新技术企业,1,234\n",
  );
  expect(p.issues.map((i) => i.line)).toEqual([4]); // the table is refused first: the split number
  const q = await batch.preview(
    sheetName,
    "指标,实际值\n高新技术企业,470项\n人均科普经费,3\n高新技术产业增加值占GDP比重,1234\n",
  );
  expect(q.issues.map((i) => i.line)).toEqual([2, 3, 4]);
  expect(q.issues[0].message).toContain("单位“项”与规划单位“家”不同");
  expect(q.issues[1].message).toContain("未找到指标“人均科普经费”");
  // The input rule's verdict, as the sheet's 输入检查 words it (实际值应在0–100之间:…).
  expect(q.issues[2]).toMatchObject({ reason: "outOfRange" });
  expect(q.issues[2].message).toBe("value(实际值)“1234”应在0–100之间:比重按百分数填写,2.1 表示 2.1%。");
  await expect(batch.apply(q)).rejects.toBeInstanceOf(HostError);
  expect(wb.writes).toBe(writes);
});

test("rows that still cannot be assessed are listed with what they lack", async () => {
  const { wb, sheetName } = await sheet();
  const p = await createBatchService(wb, createCatalogStore()).preview(sheetName, "高新技术企业\t470\n");
  const lacking = new Map(p.unassessable.map((u) => [u.target.indicatorDef.name, u.reasons]));
  expect(lacking.has("高新技术企业")).toBe(false);
  expect(lacking.get("研发经费投入强度")).toEqual(["noActual"]);
  const needBaseline = [...lacking.values()].filter((m) => m.includes("noBaseline"));
  // 益阳's plan gives most baselines; whatever it lacks is named.
  for (const m of needBaseline) expect(m).toEqual(expect.arrayContaining(["noBaseline"]));
});

test("中山: an actual without the baseline the plan lacks is named as lacking 基期值; with it, assessed", async () => {
  const plan = plansCovering(catalog, "zhongshan", 2022).find((p) =>
    planTargets(catalog, p.id).some((t) => t.indicatorDef.name === "高新技术企业" && needsBaselineInput(t)),
  )!;
  const { wb, sheetName } = await sheet(plan.id, 2022);
  const batch = createBatchService(wb, createCatalogStore());
  const without = await batch.preview(sheetName, "高新技术企业\t3000\n");
  const firms = without.unassessable.find((u) => u.target.indicatorDef.name === "高新技术企业");
  expect(firms?.reasons).toEqual(["noBaseline"]);
  const withBaseline = await batch.preview(sheetName, "高新技术企业\t3000\t2500\n");
  expect(withBaseline.issues).toEqual([]);
  expect(withBaseline.unassessable.some((u) => u.target.indicatorDef.name === "高新技术企业")).toBe(false);
  await batch.apply(withBaseline);
  const r = rowOf(wb, sheetName, "高新技术企业");
  expect(wb.valuesOf(sheetName)[r][colIndex(COL.baseline)]).toBe(2500);
  expect(wb.valuesOf(sheetName)[r][colIndex(COL.status)]).not.toBe("无法评估");
});

test("a different value already typed is overwritten only with confirmation", async () => {
  const { wb, sheetName } = await sheet();
  const batch = createBatchService(wb, createCatalogStore());
  await batch.apply(await batch.preview(sheetName, "高新技术企业\t460\n"));
  const p = await batch.preview(sheetName, "高新技术企业\t470\n");
  expect(p.conflicts).toHaveLength(1);
  await expect(batch.apply(p)).rejects.toMatchObject({ code: "cellNotEmpty" });
  const r = rowOf(wb, sheetName, "高新技术企业");
  expect(wb.valuesOf(sheetName)[r][colIndex(COL.actual)]).toBe(460);
  await batch.apply(p, true);
  expect(wb.valuesOf(sheetName)[r][colIndex(COL.actual)]).toBe(470);
});

test("a sheet that is not a progress sheet is refused", async () => {
  const { wb } = await sheet();
  await expect(
    createBatchService(wb, createCatalogStore()).preview("Sheet1", "高新技术企业\t470"),
  ).rejects.toBeInstanceOf(HostError);
});
