// Start-up with stored packs: the workbook recalculates only when the packs (or the bundled data) differ from
// those its formulas were last computed with (the fingerprint beside the store), and each stored pack is parsed
// and validated once per session (service). The memory workbook and Excel through office-addin-mock.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { bundledCatalog } from "../../src/core/catalog/catalog";
import * as packModule from "../../src/core/packs/pack";
import { registerPlanFunctions } from "../../src/functions/hyperformula";
import { createPackService } from "../../src/services/pack-service";
import { FINGERPRINT_LABEL, PACK_SHEET, packsToGrid } from "../../src/sheet/pack-store";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { OfficeWorkbook } from "../../src/workbook/office-workbook";
import { a1 } from "../../src/workbook/workbook";
import { FakeExcel } from "./excel-mock";
import { createFace } from "./face";

const face = createFace();
registerPlanFunctions(face.runner);
const EXAMPLE = readFileSync(join(__dirname, "../fixtures/example-pack.json"), "utf8");
const FORMULA = '=PLAN.TARGET("示例县","高新技术企业",2030)';

/** The example pack's JSON with its 高新技术企业 target set to `value` (and its quote saying so). */
function examplePack(value = 150) {
  const p = JSON.parse(EXAMPLE);
  const t = p.plans[0].targets[0];
  t.value = value;
  t.quote = t.quote.replace("150", String(value));
  return p;
}
const bytesOf = (p: unknown) => new TextEncoder().encode(JSON.stringify(p));
const value = (args: unknown[]) => {
  const o = face.run("TARGET", args);
  return o.ok ? o.value : o.error;
};

afterEach(() => jest.restoreAllMocks());

describe("memory workbook", () => {
  let wb: MemoryWorkbook;
  beforeEach(async () => {
    face.importPacks([]);
    wb = new MemoryWorkbook();
    wb.addSheet("Sheet1");
    wb.select("Sheet1", "A1");
    wb.setCell("Sheet1", "A1", FORMULA);
    const o = await createPackService(wb, face.store).importFromFile("sample-pack.json", bytesOf(examplePack()));
    expect(o.kind).toBe("imported");
    face.importPacks([]); // the next session: the bundled plans alone until the store is loaded
  });

  /** A new session's load, counting recalculations. */
  async function startUp(answeredBefore?: () => boolean) {
    const recalc = jest.spyOn(wb, "recalculate");
    const loaded = await createPackService(wb, face.store).loadStored({ answeredBefore });
    const recalculations = recalc.mock.calls.length;
    recalc.mockRestore();
    return { loaded, recalculations };
  }

  test("an import records the fingerprint beside the store", () => {
    const notice = wb.valuesOf(PACK_SHEET)[0];
    expect(notice[1]).toBe(FINGERPRINT_LABEL);
    expect(notice[2]).toMatch(/^[0-9a-f]{8}$/);
  });

  test("an unchanged store: imported, PLAN.* answer, no recalculation", async () => {
    const { loaded, recalculations } = await startUp();
    expect(loaded.errors).toEqual([]);
    expect(loaded.plans.map((p) => p.targets)).toEqual([5]);
    expect(value(["示例县", "高新技术企业", 2030])).toBe(150);
    expect(recalculations).toBe(0);
    expect(wb.value("Sheet1", "A1")).toBe(150); // computed at the import, kept
  });

  test("a PLAN.* cell answered before the load (without the packs): recalculated though the store is unchanged", async () => {
    const { recalculations } = await startUp(() => true);
    expect(recalculations).toBe(1);
  });

  test("a changed store (another pack content, fingerprint as recorded): recalculated once, then recorded", async () => {
    const grid = wb.valuesOf(PACK_SHEET);
    const v = packModule.validatePack(examplePack(180));
    if (!v.ok) throw new Error(v.errors.join());
    const changed = packsToGrid([v.pack]);
    // The pack row as another copy of the add-in would have written it; the old fingerprint stays in C1.
    changed[2].forEach((v, c) => wb.setCell(PACK_SHEET, a1(2, c), v === null ? "" : String(v)));
    expect(wb.valuesOf(PACK_SHEET)[0]).toEqual(grid[0]);
    const first = await startUp();
    expect(first.loaded.errors).toEqual([]);
    expect(first.recalculations).toBe(1);
    expect(value(["示例县", "高新技术企业", 2030])).toBe(180);
    expect(wb.value("Sheet1", "A1")).toBe(180);
    expect(wb.valuesOf(PACK_SHEET)[0][2]).not.toBe(grid[0][2]);
    face.importPacks([]);
    expect((await startUp()).recalculations).toBe(0);
  });

  test("a store without a fingerprint (written before fingerprints, or by plan import --into): recalculated", async () => {
    wb.setCell(PACK_SHEET, "C1", "");
    expect((await startUp()).recalculations).toBe(1);
    face.importPacks([]);
    expect((await startUp()).recalculations).toBe(0);
  });

  test("another bundled data version: recalculated", async () => {
    jest.spyOn(bundledCatalog(), "version", "get").mockReturnValue("another");
    expect((await startUp()).recalculations).toBe(1);
  });

  test("the store is parsed and validated once per session: load, import a file, remove", async () => {
    const validate = jest.spyOn(packModule, "validatePack");
    const packs = createPackService(wb, face.store);
    await packs.loadStored();
    expect(validate).toHaveBeenCalledTimes(1); // the stored pack
    const other = examplePack();
    other.id = "example-other";
    other.plans[0].id = "other-plan";
    other.plans[0].targets[0].targetYear = 2029;
    other.plans[0].targets = other.plans[0].targets.slice(0, 1);
    other.plans[0].observations = [];
    other.plans[0].targets[0].baseline = null;
    const o = await packs.importFromFile("other.json", bytesOf(other));
    expect(o.kind).toBe("imported");
    expect(validate).toHaveBeenCalledTimes(2); // the file's pack; the store read again from the cache
    expect((await packs.removeImported("example-other")).kind).toBe("removed");
    expect((await packs.listImported()).map((p) => p.packId)).toEqual(["example-shilixian-15th"]);
    expect(validate).toHaveBeenCalledTimes(2);
  });

  test("an edited cell is still refused when the pack was cached", async () => {
    const packs = createPackService(wb, face.store);
    await packs.loadStored();
    wb.setCell(PACK_SHEET, "C3", "00000000");
    const loaded = await packs.loadStored();
    expect(loaded.errors.join("")).toMatch(/校验码不符/);
  });
});

describe("Excel (office-addin-mock)", () => {
  let fx: FakeExcel;
  beforeEach(async () => {
    face.importPacks([]);
    fx = new FakeExcel();
    fx.addSheet("Sheet1");
    fx.activeSheet = "Sheet1";
    fx.selection = { sheet: "Sheet1", row: 0, col: 0 };
    fx.install();
    const o = await createPackService(new OfficeWorkbook(), face.store).importFromFile(
      "sample-pack.json",
      bytesOf(examplePack()),
    );
    expect(o.kind).toBe("imported");
    face.importPacks([]);
    fx.calculations = [];
  });
  afterEach(() => fx.uninstall());

  test("an unchanged store: one read, no calculation, nothing written", async () => {
    const syncs = fx.syncs;
    const loaded = await createPackService(new OfficeWorkbook(), face.store).loadStored();
    expect(loaded.plans.map((p) => p.targets)).toEqual([5]);
    expect(value(["示例县", "高新技术企业", 2030])).toBe(150);
    expect(fx.calculations).toEqual([]);
    expect(fx.syncs - syncs).toBe(1);
  });

  test("another bundled data version: a full calculation, and the new fingerprint recorded", async () => {
    jest.spyOn(bundledCatalog(), "version", "get").mockReturnValue("another");
    await createPackService(new OfficeWorkbook(), face.store).loadStored();
    expect(fx.calculations).toEqual(["Full"]);
    face.importPacks([]);
    fx.calculations = [];
    await createPackService(new OfficeWorkbook(), face.store).loadStored();
    expect(fx.calculations).toEqual([]);
  });
});
