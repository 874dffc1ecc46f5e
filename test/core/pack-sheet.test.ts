// Imported plans on a progress sheet (in-memory workbook): a service made before the import answers from
// the imported catalog, and the sheet shows the pack's value, baseline and 出处.
import fixture from "../fixtures/example-pack.json";
import { validatePack } from "../../src/core/packs/pack";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { createFace } from "../shared/face";
import { serviceOver } from "../shared/service-over";

const face = createFace();
afterEach(() => face.importPacks([]));

test("pack → catalog → progress sheet: the value, the baseline and the 出处 of the imported plan", async () => {
  const wb = new MemoryWorkbook();
  const service = serviceOver(wb, { year: 2027, store: face.store }); // before the import
  const v = validatePack(fixture);
  if (!v.ok) throw new Error(v.errors.join("\n"));
  expect(face.importPacks([v.pack]).errors).toEqual([]);
  const plan = face.catalog().plans.find((p) => p.pack?.id === fixture.id)!;
  const { sheetName, rows } = await service.generate(plan.id, 2027);
  expect(rows).toBe(5);
  const grid = wb.grid(sheetName).rows.map((r) => r.map((c) => c.value));
  const header = grid.find((r) => r.includes("目标值"))!;
  const row = grid.find((r) => r.includes("高新技术企业"))!;
  expect(row[header.indexOf("目标值")]).toBe(150);
  expect(row[header.indexOf("基期值")]).toBe(86);
  expect(String(row[header.indexOf("出处")])).toContain(`导入自:${fixture.source}`);
});
