// The table form of a pack: cells as people type them, errors naming the cell, and the round trip.
import fc from "fast-check";
import fixture from "../fixtures/example-pack.json";
import type { CellValue } from "../../src/core/sheet/layout";
import { PACK_LIMITS, validatePack, type PlanPack } from "../../src/core/packs/pack";
import {
  inferKind,
  packFromTable,
  packToTable,
  readNumber,
  readYearCell,
  TABLE_HEADERS,
} from "../../src/core/packs/pack-table";
import { createFace } from "../shared/face";

const { run, importPacks } = createFace();

const H = [...TABLE_HEADERS];
const SHEET = "规划目标";
const PLAN = "某县“十五五”科技创新规划";
const SOURCE = "某县人民政府网 2026-03(示例)";

/** One row under the header, keyed by header name. */
function row(cells: Partial<Record<string, CellValue>>): CellValue[] {
  return [...H, "类型", "主体"].map((h) => cells[h] ?? null);
}
const table = (...rows: Partial<Record<string, CellValue>>[]) => [[...H, "类型", "主体"], ...rows.map(row)];
const base = { 地区: "某县", 规划: PLAN, 出处: SOURCE };

afterEach(() => importPacks([]));

describe("cells as people type them", () => {
  it.each<[CellValue, number, string | null]>([
    [600, 600, null],
    ["1,234", 1234, null],
    ["600家", 600, "家"],
    ["2.5%", 2.5, "%"],
    ["４７０", 470, null],
    [" 470 ", 470, null],
  ])("%j reads as %d", (cell, value, unit) => {
    expect(readNumber(cell)).toEqual({ value, unit });
  });

  it("any value, typed with separators, 全角 digits, spaces or its unit, reads as itself", () => {
    const fullWidth = (s: string) =>
      s.replace(/[0-9.,%]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const grouped = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 6 });
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 0, max: 10_000_000 }), fc.double({ min: 0, max: 1e6, noNaN: true })),
        fc.constantFrom("", "家", "%", "亿元", "个", "万人"),
        fc.constantFrom("plain", "grouped", "full", "spaced"),
        (raw, unit, style) => {
          const v = Number(raw.toFixed(4));
          const digits = style === "grouped" ? grouped(v) : String(v);
          const typed =
            style === "full"
              ? fullWidth(digits + unit)
              : style === "spaced"
                ? ` ${digits} ${unit} `
                : digits + unit;
          expect(readNumber(typed)).toEqual({ value: v, unit: unit || null });
        },
      ),
    );
  });

  it.each<CellValue>(["约六百", "六百", "", null, "600家以上多"])("%j is not a number", (cell) => {
    expect(readNumber(cell)).toBeNull();
  });

  it.each<[CellValue, number | null]>([
    [2025, 2025],
    ["2025年", 2025],
    ["２０３０", 2030],
    ["25", null],
    [2200, null],
    [45000, null],
  ])("year %j → %j", (cell, year) => expect(readYearCell(cell)).toBe(year));

  it.each([
    ["研发经费投入年均增长", "%", "growth_rate"],
    ["高新技术企业占比", "%", "share"],
    ["研发经费投入强度", "%", "share"],
    ["累计新增省级创新平台", "个", "cumulative"],
    ["新增高新技术企业", "家", "cumulative"],
    ["每年新增科技型企业", "家", "per_year"],
    ["规上工业产值翻番", "倍", "multiple"],
    ["高新技术企业", "家", "level"],
  ])("%s (%s) is %s", (name, unit, kind) => expect(inferKind(name, unit)).toBe(kind));
});

describe("packFromTable", () => {
  const rows = table(
    {
      ...base,
      指标: "高新技术企业",
      单位: "家",
      基期年: "2025年",
      基期值: "86家",
      目标年: 2030,
      目标值: "150",
      比较: "以上",
      原文: "到2030年,高新技术企业达到150家以上",
    },
    {
      ...base,
      指标: "R&D经费投入强度",
      目标年: "２０３０",
      目标值: "2.5%",
      原文: "研发经费投入强度达到2.5%",
    },
    {
      ...base,
      指标: "技术合同成交额",
      单位: "亿元",
      目标年: 2030,
      目标值: "1,200",
      比较: "突破",
      原文: "力争技术合同成交额突破1200亿元",
    },
    {},
    {
      ...base,
      指标: "省级以上科技创新平台",
      单位: "个",
      目标年: 2030,
      目标值: "1～2",
      原文: "新建省级以上科技创新平台1～2个",
    },
    {
      ...base,
      指标: "科技型中小企业",
      单位: "家",
      目标年: 2030,
      目标值: 10,
      类型: "每年",
      原文: "每年新增科技型中小企业10家",
    },
  );

  it("reads typed cells into one plan of five targets", () => {
    const r = packFromTable(rows, { sheet: SHEET });
    if (!r.ok) throw new Error(r.errors.join("\n"));
    expect(r.warnings).toEqual([]);
    expect(r.pack.source).toBe(SOURCE);
    expect(r.pack.plans).toHaveLength(1);
    const [hte, rd, tech, platforms, sme] = r.pack.plans[0].targets;
    expect(hte).toMatchObject({
      value: 150,
      unit: "家",
      comparison: "at_least",
      kind: "level",
      baseYear: 2025,
    });
    expect(r.pack.plans[0].observations[0]).toMatchObject({ year: 2025, value: 86 });
    expect(rd).toMatchObject({ value: 2.5, unit: "%", comparison: "reach", kind: "share", targetYear: 2030 });
    expect(tech).toMatchObject({ value: 1200, comparison: "more_than", hedged: true });
    expect(platforms).toMatchObject({ value: null, min: 1, max: 2, comparison: "range" });
    expect(sme).toMatchObject({ kind: "per_year", period: { start: 2026, end: 2030 } });
  });

  it("imports: PLAN.TARGET answers from the table", () => {
    const r = packFromTable(rows, { sheet: SHEET });
    if (!r.ok) throw new Error(r.errors.join("\n"));
    expect(importPacks([r.pack]).errors).toEqual([]);
    expect(run("TARGET", ["某县", "高新技术企业", 2030])).toEqual({ ok: true, value: 150 });
    expect(run("TARGET", ["某县", "研发经费投入强度", 2030])).toEqual({ ok: true, value: 2.5 });
    expect(run("BASELINE", ["某县", "高新技术企业", 2030])).toEqual({ ok: true, value: 86 });
  });

  it.each<[string, Partial<Record<string, CellValue>>, string]>([
    [
      "a value in words",
      { 目标值: "约六百" },
      "规划目标!H2:目标值“约六百”不是数字,请填写如 600(区间写作 1-2)",
    ],
    ["a blank value", { 目标值: null }, "规划目标!H2:目标值为空,请填写数字,如 600"],
    ["a wrong year", { 目标年: "25年" }, "规划目标!G2:目标年“25年”不是 1990–2100 的年份,请填写如 2030"],
    ["a blank unit", { 单位: null, 目标值: 600 }, "规划目标!D2:单位为空,请填写如 家、%、亿元"],
    ["two units", { 单位: "家", 目标值: "600个" }, "规划目标!H2:目标值的单位“个”与单位列“家”不一致,请统一"],
    ["no quote", { 原文: " " }, "规划目标!J2:原文为空,请填写规划中写明此目标的原句(逐字复制)"],
    ["no 出处", { 出处: null }, "规划目标!K2:出处为空,请填写规划文件的标题、网址或文件名"],
    [
      "an unknown 比较",
      { 比较: "大约" },
      "规划目标!I2:比较“大约”无法识别,请填写 达到、以上、不低于、超过、突破、左右、区间,或上限 以下、不超过、控制在(空白即达到)",
    ],
    [
      "a unit the schema refuses",
      { 单位: "家&" },
      "规划目标!D2(第 2 行 单位):填的是“家&”,单位应为 1–12 个文字、字母、数字或 %‰°/·,例如 家、亿元、%、件/万人(不含引号、空格、& 或 =)",
    ],
    [
      "a control character in the plan's title (one line, though the pack's name is the title too)",
      { 规划: "某县\u0007规划" },
      "规划目标!B2(第 2 行 规划):第 3 个字符是控制字符或无效字符(U+0007),请删去后重新导入",
    ],
  ])("%s is an error naming the cell, and nothing is imported", (_, edit, message) => {
    const good = {
      ...base,
      指标: "高新技术企业",
      单位: "家",
      目标年: 2030,
      目标值: 600,
      原文: "高新技术企业达到600家",
    };
    const r = packFromTable(
      table(
        { ...good, ...edit },
        { ...good, 指标: "研发经费投入强度", 单位: "%", 目标值: 2, 原文: "强度达到2%" },
      ),
      { sheet: SHEET },
    );
    expect(r).toEqual({ ok: false, errors: [message] });
  });

  it("a schema error below blank rows names its row and column in Chinese, not a JSON path", () => {
    const good = {
      ...base,
      指标: "高新技术企业",
      单位: "家",
      目标年: 2030,
      目标值: 600,
      原文: "高新技术企业达到600家",
    };
    const bad = { ...good, 指标: "研发经费投入强度", 单位: "% 左右", 目标值: 2, 原文: "强度达到2%" };
    const r = packFromTable(table(good, ...Array<object>(9).fill({}), bad), { sheet: SHEET });
    expect(r).toEqual({
      ok: false,
      errors: [
        "规划目标!D12(第 12 行 单位):填的是“% 左右”,单位应为 1–12 个文字、字母、数字或 %‰°/·,例如 家、亿元、%、件/万人(不含引号、空格、& 或 =)",
      ],
    });
  });

  it.each<[CellValue, CellValue, object]>([
    ["600家以上", null, { value: 600, unit: "家", comparison: "at_least" }],
    ["超过3500家", null, { value: 3500, unit: "家", comparison: "more_than" }],
    ["突破3500家", "超过", { value: 3500, comparison: "more_than" }],
    ["10%左右", null, { value: 10, unit: "%", comparison: "about" }],
  ])("a comparison typed into the value: %j (比较 %j)", (value, word, want) => {
    const r = packFromTable(
      table({
        ...base,
        指标: "高新技术企业",
        目标年: 2030,
        目标值: value,
        比较: word,
        原文: `目标${String(value)}`,
      }),
      { sheet: SHEET },
    );
    if (!r.ok) throw new Error(r.errors.join("\n"));
    expect(r.pack.plans[0].targets[0]).toMatchObject(want);
  });

  it("a comparison in the value that contradicts the 比较 column is an error", () => {
    const r = packFromTable(
      table({
        ...base,
        指标: "高新技术企业",
        单位: "家",
        目标年: 2030,
        目标值: "600以上",
        比较: "左右",
        原文: "600家左右",
      }),
      { sheet: SHEET },
    );
    expect(r).toEqual({ ok: false, errors: ["规划目标!H2:目标值中的“以上”与比较列的“左右”不一致,请统一"] });
  });

  it("a 主体 is a sub-area of its region: the target answers under the 主体's name, not the region's", () => {
    const r = packFromTable(
      table(
        {
          ...base,
          指标: "高新技术企业",
          单位: "家",
          目标年: 2030,
          目标值: 600,
          原文: "全县高新技术企业达到600家",
        },
        {
          ...base,
          主体: "某县高新区",
          指标: "高新技术企业",
          单位: "家",
          目标年: 2030,
          目标值: 200,
          原文: "高新区高新技术企业达到200家",
        },
      ),
      { sheet: SHEET },
    );
    if (!r.ok) throw new Error(r.errors.join("\n"));
    expect(importPacks([r.pack])).toMatchObject({ errors: [], conflicts: [] });
    expect(run("TARGET", ["某县", "高新技术企业", 2030])).toEqual({ ok: true, value: 600 });
    expect(run("TARGET", ["某县高新区", "高新技术企业", 2030])).toEqual({ ok: true, value: 200 });
    expect(run("INFO", ["某县高新区", "高新技术企业", 2030, "主体"])).toEqual({
      ok: true,
      value: "某县高新区",
    });
  });

  it("two rows for one target are an error naming both rows", () => {
    const one = { ...base, 指标: "高新技术企业", 单位: "家", 目标年: 2030, 目标值: 600, 原文: "达到600家" };
    const r = packFromTable(table(one, { ...one, 目标值: 700, 原文: "达到700家" }), { sheet: SHEET });
    expect(r).toEqual({
      ok: false,
      errors: ["规划目标!C3:与第 2 行重复(同一地区、指标、目标年:某县“高新技术企业”2030年),请删去其中一行"],
    });
  });

  it("a table over the row limit is refused with the count, before any row is read", () => {
    const one = { ...base, 指标: "高新技术企业", 单位: "家", 目标年: 2030, 目标值: 600, 原文: "达到600家" };
    const rows = table(...Array.from({ length: PACK_LIMITS.targets + 1 }, () => one));
    expect(packFromTable(rows, { sheet: SHEET })).toEqual({
      ok: false,
      errors: [
        `规划目标:有 ${PACK_LIMITS.targets + 1} 行目标,超过上限 ${PACK_LIMITS.targets} 行,未导入。请按规划分成几个文件导入`,
      ],
    });
  });

  it("a table without a 出处 column, and no 出处 given, names the row", () => {
    const r = packFromTable(
      [
        ["地区", "规划", "指标", "单位", "目标年", "目标值", "原文"],
        ["某县", PLAN, "高新技术企业", "家", 2030, 600, "达到600家"],
      ],
      { sheet: SHEET },
    );
    expect(r).toEqual({ ok: false, errors: ["规划目标!第2行:出处为空,请填写规划文件的标题、网址或文件名"] });
  });

  it("a 出处 given by the caller fills blank 出处 cells", () => {
    const r = packFromTable(
      table({
        地区: "某县",
        规划: PLAN,
        指标: "高新技术企业",
        单位: "家",
        目标年: 2030,
        目标值: 600,
        原文: "达到600家",
      }),
      { sheet: SHEET, source: "某县规划.docx" },
    );
    expect(r.ok && r.pack.source).toBe("某县规划.docx");
  });

  it("warns when the quote does not state the value", () => {
    const r = packFromTable(
      table({
        ...base,
        指标: "高新技术企业",
        单位: "家",
        目标年: 2030,
        目标值: 610,
        原文: "高新技术企业达到600家",
      }),
      { sheet: SHEET },
    );
    expect(r.ok && r.warnings).toEqual(["规划目标!J2:原文中没有目标值 610,请核对目标值和原文"]);
  });

  it("columns in any order, extra columns ignored, rows grouped by 规划", () => {
    const header = ["备注", "目标值", "指标", "地区", "规划", "目标年", "单位", "原文", "出处"];
    const r = packFromTable(
      [
        header,
        ["x", 600, "高新技术企业", "某县", "甲规划", 2030, "家", "达到600家", SOURCE],
        ["y", 3, "研发经费投入强度", "某县", "乙规划", 2030, "%", "达到3%", SOURCE],
      ],
      { sheet: SHEET },
    );
    expect(r.ok && r.pack.plans.map((p) => p.title)).toEqual(["甲规划", "乙规划"]);
  });

  it("a table without the header row says what the header is", () => {
    const r = packFromTable([["a", "b"]], { sheet: SHEET });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]).toContain("找不到表头行");
  });
});

describe("方向: a limit or a decrease (issue 26)", () => {
  const limit = {
    ...base,
    指标: "单位GDP能耗",
    单位: "%",
    基期年: 2025,
    基期值: 6,
    目标年: 2030,
    原文: "单位GDP能耗控制在5%以下",
  };
  const wide = (...rows: Partial<Record<string, CellValue>>[]) => [
    [...H, "类型", "主体", "方向"],
    ...rows.map((cells) => [...H, "类型", "主体", "方向"].map((h) => cells[h] ?? null)),
  ];

  it.each<[string, Partial<Record<string, CellValue>>]>([
    ["以下 in 比较", { 目标值: 5, 比较: "以下" }],
    ["以下 in the value", { 目标值: "5%以下" }],
    ["越小越好 in 方向", { 目标值: 5, 比较: "达到", 方向: "越小越好" }],
    ["逆指标 in 方向", { 目标值: 5, 方向: "逆指标" }],
  ])("%s makes the target lower-is-better; PLAN.STATUS judges it so", (_, edit) => {
    const r = packFromTable(wide({ ...limit, ...edit }), { sheet: SHEET });
    if (!r.ok) throw new Error(r.errors.join("\n"));
    expect(r.pack.plans[0].targets[0]).toMatchObject({ direction: "lower", value: 5 });
    expect(importPacks([r.pack]).errors).toEqual([]);
    // 6 → 5以下 over 2025–2030: 5.4 in 2028 is 3/5 of the way down in 3/5 of the time.
    expect(run("STATUS", ["某县", "单位GDP能耗", 2030, 5.4, 2028])).toEqual({ ok: true, value: "符合预期" });
    expect(run("STATUS", ["某县", "单位GDP能耗", 2030, 6.5, 2028])).toEqual({ ok: true, value: "逆向变化" });
    expect(run("STATUS", ["某县", "单位GDP能耗", 2030, 4.8, 2030])).toEqual({ ok: true, value: "已完成" });
  });

  it("a blank 方向 is an increase target; a ceiling in 比较 against 越大越好 is an error naming the cell", () => {
    const up = packFromTable(wide({ ...limit, 目标值: 5 }), { sheet: SHEET });
    expect(up.ok && up.pack.plans[0].targets[0].direction).toBeUndefined();
    const bad = packFromTable(wide({ ...limit, 目标值: 5, 比较: "以下", 方向: "越大越好" }), {
      sheet: SHEET,
    });
    expect(!bad.ok && bad.errors).toEqual(["规划目标!N2:比较“以下”是上限,与方向“越大越好”不一致,请统一"]);
    const unknown = packFromTable(wide({ ...limit, 目标值: 5, 方向: "向下" }), { sheet: SHEET });
    expect(!unknown.ok && unknown.errors).toEqual([
      "规划目标!N2:方向“向下”无法识别,请填写 越大越好 或 越小越好(空白即越大越好)",
    ]);
  });

  it("packToTable writes 方向 and a ceiling's 比较, and reads back the same direction", () => {
    const r = packFromTable(wide({ ...limit, 目标值: 5, 比较: "以下" }), { sheet: SHEET });
    if (!r.ok) throw new Error(r.errors.join("\n"));
    const rows = packToTable(r.pack);
    expect(rows[0]).toContain("方向");
    expect(rows[1]).toContain("越小越好");
    expect(rows[1][H.indexOf("比较")]).toBe("以下");
    const back = packFromTable(rows, { sheet: SHEET });
    expect(back.ok && back.pack.plans[0].targets[0]).toMatchObject({
      direction: "lower",
      comparison: "at_least",
    });
  });
});

describe("packToTable", () => {
  it("round-trips the fixture pack through the table", () => {
    const pack = validatePack(fixture);
    if (!pack.ok) throw new Error("bad fixture");
    const rows = packToTable(pack.pack);
    expect(rows[0].slice(0, H.length)).toEqual(H);
    const back = packFromTable(rows, { sheet: SHEET, id: pack.pack.id });
    if (!back.ok) throw new Error(back.errors.join("\n"));
    const strip = (p: PlanPack) =>
      p.plans.flatMap((pl) =>
        pl.targets.map((t) => [
          t.unit,
          t.value,
          t.min,
          t.max,
          t.comparison,
          t.kind,
          t.targetYear,
          t.quote,
          t.hedged,
        ]),
      );
    expect(strip(back.pack)).toEqual(strip(pack.pack));
    expect(back.pack.plans[0].observations.map((o) => o.value)).toEqual([86]);
  });
});
