// 填充我的表格 through the Office.js adapter (office-addin-mock fake): at most 3 context.sync calls whatever
// the table's size — the range read, a fresh read before writing, the write — and one write batch.
import { createCatalogStore } from "../../src/core/catalog/store";
import { createFillService } from "../../src/services/fill-service";
import type { FillOptions } from "../../src/sheet/fill-table";
import { OfficeWorkbook } from "../../src/workbook/office-workbook";
import { HostError } from "../../src/services/service";
import { FakeExcel } from "./excel-mock";

const LABELS = ["1.高新技术企业数(家)", "研发经费投入强度(%)", "每万人口发明专利拥有量", "科普示范基地"];
const OPTS: FillOptions = {
  columns: ["target", "baseline", "expected", "completion", "status"],
  mode: "formulas",
  firstCol: 3,
  actualCol: 2,
  asOfYear: 2023,
};

let fx: FakeExcel;
beforeEach(() => {
  fx = new FakeExcel();
  fx.install();
});
afterEach(() => fx.uninstall());

function table(rows: number) {
  const s = fx.addSheet("报表");
  s.set("B1", "指标");
  for (let i = 0; i < rows; i++) {
    s.set(`B${i + 2}`, LABELS[i % LABELS.length]);
    s.set(`C${i + 2}`, 100 + i);
  }
  return s;
}

test.each([4, 100])("%i rows: 3 syncs, one of them the write", async (n) => {
  const s = table(n);
  const fill = createFillService(new OfficeWorkbook({ supported: () => true }), createCatalogStore());
  const s0 = fx.syncs;
  const { table: t, rows } = await fill.read("益阳", 2025, `B2:B${n + 1}`);
  expect(rows).toHaveLength(n);
  const written = await fill.fill(t, rows, OPTS);
  expect(fx.syncs - s0).toBe(3);
  expect(fx.writeSyncs).toBe(1);
  expect(written).toBe(n - Math.floor((n + 3) / 4)); // every 4th label (科普示范基地) is unknown
  expect(s.get("D2")).toBe('=PLAN.TARGET("益阳",$B2,2025)');
  expect(s.get("H3")).toBe('=PLAN.STATUS("益阳",$B3,2025,$C3,2023)');
  expect(s.get("D1")).toBe("目标值");
  expect(s.get("D5")).toBeNull(); // the unknown label's row
});

test("a non-empty cell: refused after 2 syncs with no write; the user's cell is untouched", async () => {
  const s = table(4);
  s.set("F3", "我的备注");
  const fill = createFillService(new OfficeWorkbook({ supported: () => true }), createCatalogStore());
  const { table: t, rows } = await fill.read("益阳", 2025, "B2:B5");
  const s0 = fx.syncs;
  await expect(fill.fill(t, rows, OPTS)).rejects.toMatchObject({ code: "cellNotEmpty" });
  expect(fx.syncs - s0).toBe(1);
  expect(fx.writeSyncs).toBe(0);
  expect(s.get("F3")).toBe("我的备注");
});

test("the selection is read when no address is typed", async () => {
  table(4);
  fx.activeSheet = "报表";
  fx.selection = { sheet: "报表", row: 1, col: 1 };
  const fill = createFillService(new OfficeWorkbook({ supported: () => true }), createCatalogStore());
  const { rows } = await fill.read("益阳", 2025);
  expect(rows.map((r) => r.label)).toEqual(["1.高新技术企业数(家)"]);
  await expect(fill.read("益阳", 2025, "报表!不是地址")).rejects.toBeInstanceOf(HostError);
});
