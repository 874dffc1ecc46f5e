// The one reader of typed actuals (src/sheet/actuals.ts), for `plan report --actuals` and the pane's paste:
// numbers as people type them, in the row's unit; rows resolved like PLAN.TARGET; every problem with its line.
import { bundledCatalog, type CatalogTarget } from "../../src/core/catalog/catalog";
import { bundledContext } from "../../src/core/functions/functions";
import { planTargets, plansCovering } from "../../src/core/sheet/layout";
import {
  ActualsError,
  formatIssues,
  MAX_LISTED_ISSUES,
  parseActualsTable,
  parseActualValue,
  readActuals,
} from "../../src/sheet/actuals";

const ctx = bundledContext();
const catalog = bundledCatalog();
const yiyang = ctx.resolver.region("益阳");
const targets = plansCovering(catalog, yiyang.id, 2023).flatMap((p) => planTargets(catalog, p.id));
const target = (indicator: string): CatalogTarget => ctx.resolver.target("益阳", indicator, 2025);
const firms = target("高新技术企业"); // 家
const rd = target("研发经费投入强度"); // %

function issuesOf(f: () => unknown): ActualsError["issues"] {
  try {
    f();
  } catch (e) {
    if (e instanceof ActualsError) return e.issues;
    throw e;
  }
  throw new Error("expected an ActualsError");
}
const errorOf = (v: ReturnType<typeof parseActualValue>) => {
  if (v.ok) throw new Error(`expected a refusal, got ${v.value}`);
  return v.message;
};
const valueOf = (v: ReturnType<typeof parseActualValue>) => (v.ok ? v.value : `refused: ${v.message}`);

describe("numbers as people type them", () => {
  test.each([
    ["470", 470],
    ["  470 ", 470],
    ["４７０", 470],
    ["1,234", 1234],
    ["１，２３４", 1234],
    ["1,234.5", 1234.5],
    ["470家", 470],
    ["４７０ 家", 470],
    ["", null],
    ["   ", null],
  ])("“%s” in a 家 row is %p", (raw, n) => expect(valueOf(parseActualValue(raw, firms))).toBe(n));

  test("a negative count is refused by the row's rule, with the sheet's words, and keeps the number it read", () => {
    const v = parseActualValue("-3", firms);
    expect(v).toEqual({
      ok: false,
      reason: "outOfRange",
      message: "value(实际值)“-3”应不小于0:数量不能为负,请检查正负号和位数。",
      read: -3,
    });
  });

  test.each([
    ["2.1", 2.1],
    ["2.1%", 2.1],
    ["2.1 %", 2.1],
    ["２．１％", 2.1],
  ])("“%s” in a %% row is the percentage number %p (2.1 means 2.1 %%)", (raw, n) =>
    expect(valueOf(parseActualValue(raw, rd))).toBe(n),
  );

  test("a % in a row of another unit is refused, naming the unit", () => {
    expect(errorOf(parseActualValue("4.7%", firms))).toBe(
      "value(实际值)“4.7%”带有 %,但规划单位是“家”,不是百分数;请只填数字(单位:家)",
    );
  });

  test("a unit after the number: the row's own unit is read, another unit of no conversion is refused", () => {
    expect(errorOf(parseActualValue("3万家", firms))).toContain("单位“万家”与规划单位“家”不同");
    expect(errorOf(parseActualValue("5项", firms))).toContain("单位“项”与规划单位“家”不同");
  });

  test("1e400 (Infinity) and numbers beyond the runner's limit are refused; 1e15 is the limit", () => {
    expect(errorOf(parseActualValue("1e400", firms))).toContain("超出可用的数值范围");
    expect(errorOf(parseActualValue("2e15", firms))).toContain("超出可用的数值范围");
    expect(valueOf(parseActualValue("1e15", firms))).toBe(1e15);
  });

  test.each(["很多", "1,23", "12,3456", "1.2.3", "--1", "0x10", "Infinity", "NaN"])(
    "“%s” is not a number",
    (raw) => expect(errorOf(parseActualValue(raw, firms))).toContain("不是数字"),
  );
});

describe("the table", () => {
  test("an unquoted thousands separator is an error naming the row, not 1 with a column dropped", () => {
    const issues = issuesOf(() =>
      parseActualsTable("indicator,value\n研发经费投入强度,2.1\n高新技术企业,1,234\n"),
    );
    expect(issues).toHaveLength(1);
    expect(issues[0].line).toBe(3);
    expect(issues[0].message).toContain("有 3 个单元格,多于表头的 2 列");
    expect(issues[0].message).toContain('"1,234"');
  });

  test("quoted, the same number is read; trailing empty cells are harmless", () => {
    const inputs = readActuals('indicator,value\n高新技术企业,"1,234",\n', ctx, yiyang, targets);
    expect(inputs.get(firms.id)).toEqual({ actual: 1234, baseline: null });
  });

  test("a block pasted from Excel (tab-separated, no header) when the header is optional", () => {
    const inputs = readActuals("高新技术企业\t470\n\n研发经费投入强度\t2.1%\n", ctx, yiyang, targets, {
      header: "optional",
    });
    expect(inputs.get(firms.id)).toEqual({ actual: 470, baseline: null });
    expect(inputs.get(rd.id)).toEqual({ actual: 2.1, baseline: null });
    const required = issuesOf(() => parseActualsTable("高新技术企业\t470\n"));
    expect(required[0].message).toContain("第一行应为表头");
  });

  test("Chinese headers and a BOM are read", () => {
    const inputs = readActuals("\uFEFF指标,实际值\n高新技术企业,470\n", ctx, yiyang, targets);
    expect(inputs.get(firms.id)?.actual).toBe(470);
  });
});

describe("rows to targets", () => {
  test("every bad row is reported with its line; the names resolve as PLAN.TARGET's do", () => {
    const issues = issuesOf(() =>
      readActuals(
        "indicator,value\n高新技术企业,470项\n人均科普经费,3\n研发经费投入强度,1e400\n高企,471\n",
        ctx,
        yiyang,
        targets,
      ),
    );
    expect(issues.map((i) => i.line)).toEqual([2, 3, 4, 5]);
    expect(issues[0].message).toMatch(/^value\(实际值\)“470项”的单位“项”与规划单位“家”不同/);
    expect(issues[1].message).toContain("未找到指标“人均科普经费”");
    expect(issues[1].suggestions.length).toBeGreaterThan(0);
    expect(issues[2].message).toContain("超出可用的数值范围");
    expect(issues[3].message).toContain("与第 2 行是同一个目标");
  });

  test("a unit in the name is a claim: values in it are converted, a unit of another dimension is refused", () => {
    const zhongshan = ctx.resolver.region("中山");
    const zsTargets = plansCovering(catalog, zhongshan.id, 2023).flatMap((p) => planTargets(catalog, p.id));
    const contract = ctx.resolver.target("中山", "技术合同交易额", 2025); // 40亿元
    const inputs = readActuals("indicator,value\n技术合同交易额（万元）,300000\n", ctx, zhongshan, zsTargets);
    expect(inputs.get(contract.id)).toEqual({ actual: 30, baseline: null });
    const issues = issuesOf(() =>
      readActuals("indicator,value\n研发经费投入强度（家）,2\n", ctx, yiyang, targets),
    );
    expect(issues[0].message).toMatch(/单位“家”与规划单位“%”/);
  });

  test("an indicator with two target years in one plan takes the row's figure for both (not “在多个规划中”)", () => {
    const later: CatalogTarget = { ...firms, id: `${firms.id}-2030`, targetYear: 2030 };
    const inputs = readActuals("indicator,value\n高新技术企业,470\n", ctx, yiyang, [...targets, later]);
    expect(inputs.get(firms.id)).toEqual({ actual: 470, baseline: null });
    expect(inputs.get(later.id)).toEqual({ actual: 470, baseline: null });
  });

  test("an indicator of two plans is refused, naming each plan once", () => {
    const other: CatalogTarget = {
      ...firms,
      id: `${firms.id}-other`,
      plan: { ...firms.plan, id: "other", shortName: "另一规划" },
    };
    const issues = issuesOf(() =>
      readActuals("indicator,value\n高新技术企业,470\n", ctx, yiyang, [...targets, other]),
    );
    expect(issues[0].message).toContain(
      `在多个规划中都有目标,无法确定填入哪一张表:${firms.plan.shortName}、另一规划。`,
    );
  });

  test("a typed baseline the kind fixes is refused saying why for that kind (not a plan's base-year figure)", () => {
    const issues = issuesOf(() =>
      readActuals(
        "indicator,value,baseline\n国家级重点实验室,1,3\n转型省级高新区的省级产业园区,1,2\n研发投入年均增速,11,9\n研发经费投入强度,2.1,1.5\n",
        ctx,
        yiyang,
        targets,
      ),
    );
    expect(issues.map((i) => i.message.replace(/^益阳“[^”]+”/, ""))).toEqual([
      "零的突破类目标的基期为 0,不需要基期值;请删去基期值",
      "累计类目标从基期的 0 起算,不需要基期值;请删去基期值",
      "年均增速类目标按年均增速评估,不需要基期值;请删去基期值",
      "规划已给出基期值(1.89);请删去基期值",
    ]);
  });

  test("at most 50 problems are listed, then a count of the rest", () => {
    const rows = Array.from({ length: 120 }, (_, i) => `高新技术企业,${i}项`).join("\n");
    const issues = issuesOf(() => readActuals(`indicator,value\n${rows}\n`, ctx, yiyang, targets));
    expect(issues).toHaveLength(120);
    const text = formatIssues("a.csv ", issues).split("\n");
    expect(text.filter((l) => l.startsWith("a.csv 第 "))).toHaveLength(MAX_LISTED_ISSUES);
    expect(text[text.length - 1]).toBe("……另有 70 个问题未列出(共 120 个)");
  });
});

describe("CSV as Excel writes it (the reader's own parser: csv-parse needs Node's Buffer, absent in the pane)", () => {
  test("quotes, doubled quotes, CRLF, a line break inside quotes; line numbers of the records", () => {
    const rows = parseActualsTable(
      'indicator,value,baseline\r\n"高新技术企业","1,234",\r\n\r\n"研发""经费""",2.1,\r\n"多行\n指标",3,\r\n其他,4,\r\n',
    );
    expect(rows.map((r) => [r.line, r.cells.indicator, r.cells.value])).toEqual([
      [2, "高新技术企业", "1,234"],
      [4, '研发"经费"', "2.1"],
      [5, "多行\n指标", "3"],
      [7, "其他", "4"],
    ]);
  });

  test("an unclosed quote is an error naming its line", () => {
    const issues = issuesOf(() => parseActualsTable('indicator,value\n高新技术企业,"470\n研发,2\n'));
    expect(issues[0].line).toBe(2);
    expect(issues[0].message).toContain("引号没有配对");
  });
});
