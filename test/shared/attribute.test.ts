// 属性 (约束性/预期性): recorded only where a plan states it (provenance.test.ts checks the quotes), shown in the
// progress sheet's 目标类型 cell and by PLAN.INFO(…,"属性"); a pack may state it for its own targets.
import fixture from "../fixtures/example-pack.json";
import { bundledCatalog } from "../../src/core/catalog/catalog";
import { validatePack, type PlanPack } from "../../src/core/packs/pack";
import { columnLetter, packFromTable, packToTable, TABLE_HEADERS } from "../../src/core/packs/pack-table";
import { buildProgressSheet, COLUMNS, SHEET, type CellValue } from "../../src/core/sheet/layout";
import { createFace } from "./face";

const KIND = COLUMNS.findIndex((c) => c.key === "kind");
const kindCells = (catalog: ReturnType<typeof bundledCatalog>, planId: string) =>
  buildProgressSheet(catalog, planId, { year: 2023 })
    .rows.slice(SHEET.firstDataRow - 1)
    .map((r) => String(r[KIND].value));

test("the sheet's 目标类型 says 预期性 for every 中山 十四五 target, and no 属性 where the plan states none", () => {
  const catalog = bundledCatalog();
  const zs = kindCells(catalog, "zhongshan-14th");
  expect(zs.length).toBe(17);
  for (const k of zs) expect(k).toMatch(/,预期性\)$/);
  expect(zs).toContain("水平值(超过3500家,力争,预期性)");
  for (const k of kindCells(catalog, "yiyang-14th")) expect(k).not.toMatch(/约束性|预期性/);
});

const withAttribute = (value: unknown): PlanPack => {
  const p = JSON.parse(JSON.stringify(fixture)) as PlanPack;
  const t = p.plans[0].targets[0] as unknown as Record<string, unknown>;
  t.attribute = value;
  t.attributeQuote = `${String(t.quote)}(${String(value)})`;
  return p;
};

/** A face with the example pack imported, its first target (高新技术企业) given this 属性. */
function faceWith(attribute: string) {
  const face = createFace();
  const v = validatePack(withAttribute(attribute));
  if (!v.ok) throw new Error(v.errors.join("\n"));
  face.importPacks([v.pack]);
  return { face, pack: v.pack };
}

test("a pack's 约束性 target: PLAN.INFO 属性 answers it and its sheet row says it", () => {
  const { face, pack } = faceWith("约束性");
  const t = pack.plans[0].targets[0];
  const region = pack.regions![0].name;
  const name = pack.indicators?.find((i) => i.id === t.indicator)?.name ?? t.label;
  expect(face.run("INFO", [region, name, t.targetYear, "属性"])).toEqual({ ok: true, value: "约束性" });
  const catalog = face.catalog();
  const plan = catalog.plans.find((p) => p.title === pack.plans[0].title)!;
  const cells = kindCells(catalog, plan.id);
  expect(cells[0]).toMatch(/,约束性\)$/);
  expect(cells.slice(1).some((k) => /约束性|预期性/.test(k))).toBe(false);
});

test("a pack's 约束性 target: STATUS says whether the limit is kept, where a 预期性 one says 已完成", () => {
  const statuses = (attribute: string) => {
    const { face } = faceWith(attribute);
    const at = (actual: number, year: number) =>
      face.run("STATUS", ["示例县", "高新技术企业", 2030, actual, year]);
    // 86 家 (2025) → 150家以上 (2030): reached early, on its way (P = 0.55), at the target year.
    return [at(160, 2027), at(100, 2027), at(160, 2030), at(140, 2030)].map((o) =>
      o.ok ? o.value : o.error,
    );
  };
  expect(statuses("约束性")).toEqual(["守住约束", "严重滞后", "已完成", "未完成"]);
  expect(statuses("预期性")).toEqual(["已完成", "严重滞后", "已完成", "未完成"]);
});

test("a kept 约束性 limit's 趋势判断 is the forecast's (it must still hold in 2030), not 已完成", () => {
  const outlook = (attribute: string) =>
    faceWith(attribute).face.run("OUTLOOK", ["示例县", "高新技术企业", 2030, 160, 2027]);
  expect(outlook("约束性")).toEqual({ ok: true, value: "预计可完成" });
  expect(outlook("预期性")).toEqual({ ok: true, value: "已完成" });
});

test("the sheet's 说明 states the 约束性 rule only where a row is 约束性", () => {
  const { face, pack } = faceWith("约束性");
  const catalog = face.catalog();
  const plan = catalog.plans.find((p) => p.title === pack.plans[0].title)!;
  const text = (planId: string) =>
    buildProgressSheet(catalog, planId, { year: 2027 })
      .rows.flat()
      .map((c) => String(c.value ?? ""))
      .join("");
  expect(text(plan.id)).toContain("约束性目标在目标年前达到约束值为守住约束");
  expect(text("yiyang-14th")).not.toContain("约束性目标在目标年前");
});

test("a 属性 other than 约束性 or 预期性 is refused, naming the field", () => {
  const v = validatePack(withAttribute("约束"));
  expect(v.ok).toBe(false);
  if (!v.ok)
    expect(v.errors).toEqual([
      "第 1 份规划《示例县“十五五”科技创新规划》第 1 个目标“高新技术企业”的属性(attribute):填的是“约束”,应为 约束性 或 预期性(规划未标明时不填)",
    ]);
});

describe("the 规划目标 table's 属性 column", () => {
  const H = [...TABLE_HEADERS, "属性"];
  const rowOf = (cells: Record<string, CellValue>) => H.map((h) => cells[h] ?? null);
  const cells = (attr: CellValue, indicator = "高新技术企业", value: CellValue = 600) =>
    rowOf({
      地区: "某县",
      规划: "某县“十五五”科技创新规划",
      指标: indicator,
      单位: "家",
      目标年: 2030,
      目标值: value,
      原文: `${indicator}达到${value}家`,
      出处: "某县人民政府网",
      属性: attr,
    });

  it("reads 约束性 and 【预期性】, leaves a blank cell without 属性, and writes it back", () => {
    const r = packFromTable(
      [H, cells("约束性"), cells("【预期性】", "省级研发机构", 40), cells(null, "孵化器", 12)],
      { sheet: "规划目标" },
    );
    if (!r.ok) throw new Error(r.errors.join("\n"));
    expect(r.pack.plans[0].targets.map((t) => t.attribute ?? null)).toEqual(["约束性", "预期性", null]);
    const back = packToTable(r.pack);
    const at = back[0].indexOf("属性");
    expect(back.slice(1).map((row) => row[at])).toEqual(["约束性", "预期性", null]);
  });

  it("refuses any other word, naming the cell", () => {
    const r = packFromTable([H, cells("约束")], { sheet: "规划目标" });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toEqual([
        `规划目标!${columnLetter(H.indexOf("属性"))}2:属性“约束”无法识别,请填写 约束性 或 预期性(规划未标明时留空)`,
      ]);
  });
});
