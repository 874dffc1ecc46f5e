// The runner: every PLAN function, good and bad arguments of every type; it never throws and always answers
// with a value or an Excel error carrying a Chinese message.
import fc from "fast-check";
import { FUNCTIONS, bundledContext, LIST_HEADER, SEARCH_HEADER } from "../../src/core/functions/functions";
import { run, type Outcome } from "../../src/core/functions/runner";

const { catalog } = bundledContext();
const CJK = /[\u3400-\u9fff]/;

/** A well-formed outcome: a value, or #N/A / #VALUE! with a non-empty Chinese message. */
function expectWellFormed(o: Outcome): void {
  expect(typeof o).toBe("object");
  if (o.ok) {
    const v = o.value;
    const scalar = (x: unknown) => typeof x === "string" || (typeof x === "number" && Number.isFinite(x));
    if (Array.isArray(v)) {
      expect(v.length).toBeGreaterThan(0);
      for (const row of v) {
        expect(Array.isArray(row)).toBe(true);
        expect(row.length).toBe(v[0].length);
        for (const c of row) expect(scalar(c)).toBe(true);
      }
    } else {
      expect(scalar(v)).toBe(true);
    }
  } else {
    expect(["#N/A", "#VALUE!"]).toContain(o.error);
    expect(typeof o.message).toBe("string");
    expect(o.message).toMatch(CJK);
    expect(Array.isArray(o.suggestions)).toBe(true);
    for (const s of o.suggestions) expect(typeof s).toBe("string");
  }
}

function safeRun(id: string, args: unknown[]): Outcome {
  let o: Outcome | undefined;
  expect(() => {
    o = run(id, args);
  }).not.toThrow();
  expectWellFormed(o!);
  return o!;
}

const good: Record<string, unknown[]> = {
  TARGET: ["益阳", "高新技术企业", 2025],
  BASELINE: ["益阳", "高新技术企业", 2025],
  INFO: ["益阳", "高新技术企业", 2025, "单位"],
  EXPECTED: ["益阳", "高新技术企业", 2025, 2023],
  PROGRESS: ["益阳", "高新技术企业", 2025, 470, 2023],
  VARIANCE: ["益阳", "高新技术企业", 2025, 470, 2023],
  STATUS: ["益阳", "高新技术企业", 2025, 470, 2023],
  REQUIRED_RATE: ["益阳", "高新技术企业", 2025, 470, 2023],
  FORECAST: ["益阳", "高新技术企业", 2025, 470, 2023],
  OUTLOOK: ["益阳", "高新技术企业", 2025, 470, 2023],
  LIST: ["益阳"],
  SEARCH: ["高新技术企业"],
};

describe("good arguments", () => {
  it("every function of the table has a good call here", () => {
    for (const f of FUNCTIONS)
      expect({ id: f.id, covered: f.id in good }).toEqual({ id: f.id, covered: true });
  });

  it.each(FUNCTIONS.map((f) => [f.id] as const))("%s answers a value", (id) => {
    const o = safeRun(id, good[id]);
    expect(o.ok).toBe(true);
  });

  it("the values match the seed and the methodology", () => {
    const v = (id: string, args = good[id]) => {
      const o = run(id, args);
      return o.ok ? o.value : o;
    };
    expect(v("TARGET")).toBe(600);
    expect(v("BASELINE")).toBe(312); // 由2015年的81家增长到2020年的312家
    expect(v("INFO")).toBe("家");
    expect(v("EXPECTED")).toBeCloseTo(484.8, 9);
    expect(v("PROGRESS")).toBeCloseTo(0.549, 3); // a fraction, not 54.9
    expect(v("VARIANCE")).toBeCloseTo(-14.8, 9);
    expect(v("STATUS")).toBe("进度滞后");
    expect(v("REQUIRED_RATE")).toBeCloseTo(Math.sqrt(600 / 470) - 1, 12); // ≈ 0.1299, a fraction
    expect(v("REQUIRED_RATE")).toBeLessThan(1);
    expect(v("FORECAST")).toBe(575.333333333); // 470 + 158/3 × 2, at 12 significant digits
    expect(v("OUTLOOK")).toBe("预计难以完成");
  });

  it("function ids are case-insensitive", () => {
    expect(run("target", good.TARGET)).toEqual(run("TARGET", good.TARGET));
  });
});

describe("bad arguments", () => {
  const bigString = "高".repeat(10_000);
  const bad: [string, unknown][] = [
    ["empty string", ""],
    ["blank string", "   "],
    ["null", null],
    ["undefined", undefined],
    ["Error", new Error("x")],
    ["{type:ERROR}", { type: "ERROR" }],
    ["{errorType}", { errorType: "NA", value: "#N/A" }],
    ["TRUE", true],
    ["FALSE", false],
    ["1e308", 1e308],
    ["-1e308", -1e308],
    ["Infinity", Infinity],
    ["-Infinity", -Infinity],
    ["NaN", NaN],
    [
      "2×2 array",
      [
        [1, 2],
        [3, 4],
      ],
    ],
    ["1×2 array", [[1, 2]]],
    ["empty array", []],
    ["10,000 characters", bigString],
    ["object", { a: 1 }],
    ["date serial", 45658],
    ["fractional year", 2025.5],
  ];

  for (const f of FUNCTIONS) {
    describe(f.id, () => {
      it.each(bad)("any argument set to %s: no throw, well-formed", (_label, x) => {
        for (let i = 0; i < f.params.length; i++) {
          const args = [...good[f.id]];
          while (args.length < f.params.length) args.push(null);
          args[i] = x;
          safeRun(f.id, args);
        }
        safeRun(f.id, [x]);
        safeRun(f.id, Array(f.params.length).fill(x));
      });

      it("blank required arguments are errors", () => {
        f.params.forEach((p, i) => {
          if (p.optional || p.blankIsNull) return;
          for (const blank of ["", null, undefined]) {
            const args = [...good[f.id]];
            args[i] = blank;
            expect({ param: p.name, blank, ok: safeRun(f.id, args).ok }).toEqual({
              param: p.name,
              blank,
              ok: false,
            });
          }
        });
      });

      it("error values, 2×2 arrays and booleans in any argument are errors", () => {
        f.params.forEach((p, i) => {
          for (const x of [
            new Error("x"),
            { type: "ERROR" },
            [
              [1, 2],
              [3, 4],
            ],
            true,
            false,
          ]) {
            const args = [...good[f.id]];
            while (args.length <= i) args.push(null);
            args[i] = x;
            expect({ param: p.name, x: String(x), ok: safeRun(f.id, args).ok }).toEqual({
              param: p.name,
              x: String(x),
              ok: false,
            });
          }
        });
      });

      it("non-finite or huge numbers for a year or a number are errors", () => {
        f.params.forEach((p, i) => {
          if (p.type === "text") return;
          for (const x of [1e308, Infinity, -Infinity, NaN, 2025.5, 45658]) {
            const args = [...good[f.id]];
            while (args.length <= i) args.push(null);
            args[i] = x;
            const o = safeRun(f.id, args);
            if (p.type === "year" || !Number.isFinite(x) || Math.abs(x) > 1e15)
              expect({ param: p.name, x, ok: o.ok }).toEqual({ param: p.name, x, ok: false });
          }
        });
      });

      it("1×1 arrays are unwrapped", () => {
        const wrapped = good[f.id].map((x) => [[x]]);
        expect(safeRun(f.id, wrapped)).toEqual(run(f.id, good[f.id]));
        const row = good[f.id].map((x) => [x]);
        expect(safeRun(f.id, row)).toEqual(run(f.id, good[f.id]));
      });

      it("too many arguments is an error", () => {
        const args = [...good[f.id]];
        while (args.length <= f.params.length) args.push("多余");
        expect(safeRun(f.id, args).ok).toBe(false);
      });

      it("10,000-character text is handled", () => {
        f.params.forEach((p, i) => {
          if (p.type !== "text") return;
          const args = [...good[f.id]];
          while (args.length <= i) args.push(null);
          args[i] = bigString;
          safeRun(f.id, args);
        });
      });
    });
  }

  it.each(["NOPE", "", "TARGETX", "__proto__", "constructor", "toString"])(
    "unknown function id %p is #VALUE!",
    (id) => {
      const o = safeRun(id, ["益阳", "高新技术企业", 2025]);
      expect(o).toMatchObject({ ok: false, error: "#VALUE!" });
    },
  );

  it("property: arbitrary argument lists never throw and give a well-formed outcome", () => {
    const ids = FUNCTIONS.map((f) => f.id as string);
    fc.assert(
      fc.property(fc.constantFrom(...ids), fc.array(fc.anything(), { maxLength: 7 }), (id, args) => {
        safeRun(id, args);
      }),
      { numRuns: 2000 },
    );
  });

  it("property: mixing good arguments with arbitrary ones never throws", () => {
    fc.assert(
      fc.property(fc.constantFrom(...FUNCTIONS), fc.nat(), fc.anything(), (f, k, x) => {
        const args = [...good[f.id]];
        while (args.length < f.params.length) args.push(null);
        args[k % args.length] = x;
        safeRun(f.id, args);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("INFO", () => {
  it("指标 shows the target a name with unsaid qualifiers answered: 新型研发机构 is 省级新型研发机构达13家", () => {
    expect(run("INFO", ["中山", "新型研发机构", 2025, "指标"])).toEqual({
      ok: true,
      value: "省级新型研发机构",
    });
  });

  const t = catalog.targetById.get("yy14.hightech_enterprises")!;
  const info = (field: string, region = "益阳", ind = "高新技术企业", year: unknown = 2025) => {
    const o = run("INFO", [region, ind, year, field]);
    return o.ok ? o.value : o;
  };
  const pairs: [string, string][] = [
    ["单位", "unit"],
    ["基期年", "base_year"],
    ["基期值", "baseline"],
    ["目标年", "target_year"],
    ["类型", "kind"],
    ["比较", "comparison"],
    ["原文", "quote"],
    ["出处", "source"],
    ["规划", "plan"],
    ["主体", "entity"],
    ["指标", "indicator"],
  ];

  it.each(pairs)("%s and %s give the same answer", (zh, en) => {
    const a = run("INFO", ["益阳", "高新技术企业", 2025, zh]);
    expect(a.ok).toBe(true);
    expect(run("INFO", ["益阳", "高新技术企业", 2025, en])).toEqual(a);
  });

  it("the fields describe the record", () => {
    expect(info("单位")).toBe("家");
    expect(info("base_year")).toBe(2020); // 规划基年为2020年
    expect(info("基期值")).toBe(312);
    expect(info("target_year")).toBe(2025);
    expect(info("原文")).toBe(t.quote);
    expect(info("quote")).toBe("高新技术企业数达到600家以上");
    expect(String(info("比较"))).toContain("600");
    expect(String(info("比较"))).toContain("以上");
    expect(String(info("类型"))).toMatch(CJK);
    // The plan as cited, without capture artefacts or the seed file (technical, not a citation).
    expect(info("出处")).toBe("《益阳市“十四五”科技发展规划》");
    expect(info("规划")).toBe("益阳市“十四五”科技发展规划");
    expect(info("主体")).toBe("益阳");
    expect(info("指标")).toBe("高新技术企业数"); // the plan's own name: 高新技术企业数达到600家以上
    expect(info("主体", "翠亨新区", "高层次创新团队", 2022)).toBe("翠亨新区");
    expect(info("原文", "翠亨新区", "高层次创新团队", 2022)).toBe("高層次創新團隊2個");
  });

  it("属性 is the plan's own word where it states one (中山 十四五: 预期性), and #N/A where it states none", () => {
    expect(info("属性", "中山", "高新技术企业")).toBe("预期性");
    expect(info("attribute", "中山", "技术合同交易额")).toBe("预期性");
    expect(run("INFO", ["益阳", "高新技术企业", 2025, "属性"])).toMatchObject({
      ok: false,
      error: "#N/A",
      message: "规划未给出“高新技术企业”的属性",
    });
  });

  it("a field the plan does not give is #N/A; an unknown field is #VALUE!", () => {
    expect(run("INFO", ["中山", "高新技术企业", 2025, "基期值"])).toMatchObject({ ok: false, error: "#N/A" });
    expect(run("INFO", ["益阳", "高新技术企业", 2025, "颜色"])).toMatchObject({
      ok: false,
      error: "#VALUE!",
    });
  });
});

describe("signatures", () => {
  it("STATUS with a blank actual is 无法评估; a cell holding only spaces is text, refused as the sheet refuses it", () => {
    for (const blank of ["", null, undefined]) {
      expect(run("STATUS", ["益阳", "高新技术企业", 2025, blank, 2023])).toEqual({
        ok: true,
        value: "无法评估",
      });
    }
    expect(run("STATUS", ["益阳", "高新技术企业", 2025, "  ", 2023])).toMatchObject({
      ok: false,
      error: "#VALUE!",
      message: expect.stringContaining("只有空格"),
    });
  });

  it("STATUS without a documented baseline is 无法评估 (中山 高企: 超过3500家, no base figure)", () => {
    expect(run("STATUS", ["中山", "高新技术企业", 2025, 3000, 2023])).toEqual({
      ok: true,
      value: "无法评估",
    });
  });

  it("PROGRESS of a growth-rate target is A/V (全社会研发投入年均增速超过12%)", () => {
    const o = run("PROGRESS", ["益阳", "研发经费投入年均增速", 2025, 9, 2023]);
    expect(o.ok && o.value).toBeCloseTo(0.75, 12);
  });

  it("STATUS of a growth-rate target before its year is by pace (益阳 研发投入年均增速 13 in 2023: 快于预期)", () => {
    expect(run("STATUS", ["益阳", "研发投入年均增速", 2025, 13, 2023])).toEqual({
      ok: true,
      value: "快于预期",
    });
    expect(run("STATUS", ["益阳", "研发投入年均增速", 2025, 13, 2025])).toEqual({
      ok: true,
      value: "已完成",
    });
    expect(run("OUTLOOK", ["益阳", "研发投入年均增速", 2025, 13, 2023])).toEqual({
      ok: true,
      value: "预计可完成",
    });
  });

  it("STATUS of a per-year target is 符合预期 in a year that meets it (益阳 人才交流活动 3 in 2021)", () => {
    expect(run("STATUS", ["益阳", "人才交流活动", 2025, 3, 2021])).toEqual({ ok: true, value: "符合预期" });
    expect(run("STATUS", ["益阳", "人才交流活动", 2025, 3, 2025])).toEqual({ ok: true, value: "已完成" });
    expect(run("STATUS", ["益阳", "人才交流活动", 2025, 1, 2025])).toEqual({ ok: true, value: "未完成" });
  });

  it("a 翻番 exactly on its geometric path is 符合预期 (汕尾城区 科技型企业倍数 1.4142 in 2024 of 2022–2026)", () => {
    expect(run("STATUS", ["汕尾城区", "科技型企业倍数", 2026, 1.4142, 2024])).toEqual({
      ok: true,
      value: "符合预期",
    });
    const c = run("PROGRESS", ["汕尾城区", "科技型企业倍数", 2026, 1.4142, 2024]);
    expect(c.ok && c.value).toBeCloseTo(Math.log(1.4142) / Math.log(2), 9);
    expect(run("VARIANCE", ["汕尾城区", "科技型企业倍数", 2026, Math.SQRT2, 2024])).toEqual({
      ok: true,
      value: 0,
    });
  });

  it("a 零的突破 needs no typed baseline (益阳 国家级重点实验室: 1 in 2023 is 已完成, 0 is 尚未实现)", () => {
    expect(run("STATUS", ["益阳", "国家级重点实验室", 2025, 1, 2023])).toEqual({ ok: true, value: "已完成" });
    expect(run("STATUS", ["益阳", "国家级重点实验室", 2025, 0, 2023])).toEqual({
      ok: true,
      value: "尚未实现",
    });
    expect(run("STATUS", ["益阳", "国家级重点实验室", 2025, 0, 2025])).toEqual({ ok: true, value: "未完成" });
    expect(run("EXPECTED", ["益阳", "国家级重点实验室", 2025, 2023])).toEqual({ ok: true, value: 1 });
    expect(run("REQUIRED_RATE", ["益阳", "国家级重点实验室", 2025, 0, 2023])).toMatchObject({
      ok: false,
      error: "#N/A",
      message: expect.stringContaining("不适用需年均增速"),
    });
  });

  it("REQUIRED_RATE of a growth-rate target: the rate still needed (益阳 研发投入年均增速 11 in 2023: 13.5 %)", () => {
    const o = run("REQUIRED_RATE", ["益阳", "研发投入年均增速", 2025, 11, 2023]);
    expect(o.ok && o.value).toBeCloseTo(Math.sqrt(1.12 ** 5 / 1.11 ** 3) - 1, 11);
    expect(run("REQUIRED_RATE", ["益阳", "研发投入年均增速", 2025, 11, 2025])).toMatchObject({
      ok: false,
      error: "#N/A",
    });
  });

  it("LIST returns a header row and one row per target of the region", () => {
    const o = run("LIST", ["益阳"]);
    expect(o.ok).toBe(true);
    if (!o.ok || !Array.isArray(o.value)) throw new Error("not a matrix");
    const [header, ...rows] = o.value;
    expect(header).toEqual(LIST_HEADER);
    for (const h of header) expect(String(h)).toMatch(CJK);
    expect(rows).toHaveLength(catalog.targets.filter((t) => t.region === "yiyang").length);
    const col = (name: string) => header.indexOf(name);
    const hightech = rows.find((r) => r[col("指标")] === "高新技术企业");
    expect(hightech?.[col("目标值")]).toBe(600);
    expect(hightech?.[col("单位")]).toBe("家");
  });

  it("LIST by year includes per-year targets of that year and nothing from sub-areas", () => {
    const o = run("LIST", ["中山", 2019]);
    if (!o.ok || !Array.isArray(o.value)) throw new Error("not a matrix");
    const rows = o.value.slice(1);
    expect(rows.map((r) => r[0])).toEqual(["省级以上工程实验室"]);
    const all = run("LIST", ["中山"]);
    if (!all.ok || !Array.isArray(all.value)) throw new Error("not a matrix");
    expect(all.value.slice(1).every((r) => r[1] === "中山")).toBe(true);
    expect(run("LIST", ["益阳", 2030])).toMatchObject({ ok: false, error: "#N/A" });
  });

  it("SEARCH(高新技術) finds the 高新技术企业 targets of all three regions", () => {
    const o = run("SEARCH", ["高新技術"]);
    if (!o.ok || !Array.isArray(o.value)) throw new Error("not a matrix");
    const [header, ...rows] = o.value;
    expect(header).toEqual(SEARCH_HEADER);
    const regions = rows.filter((r) => r[1] === "高新技术企业").map((r) => r[0]);
    expect(new Set(regions)).toEqual(new Set(["益阳", "中山", "汕尾城区"]));
  });

  it("SEARCH scoped to a region includes its sub-areas", () => {
    const o = run("SEARCH", ["孵化器", "中山"]);
    if (!o.ok || !Array.isArray(o.value)) throw new Error("not a matrix");
    const regions = new Set(o.value.slice(1).map((r) => r[0]));
    expect(regions.has("火炬开发区")).toBe(true);
    expect(regions.has("益阳")).toBe(false);
    expect(regions.has("汕尾城区")).toBe(false);
  });
});

describe("methodology edges: a year before the base year, rounding, impossible actuals", () => {
  const Y = ["益阳", "高新技术企业", 2025] as const;
  it("an assessment year before the base year (2015 < 2020) gets the same refusal from all four; STATUS 无法评估", () => {
    const refusals = [
      run("EXPECTED", [...Y, 2015]),
      ...["PROGRESS", "VARIANCE", "REQUIRED_RATE"].map((f) => run(f, [...Y, 470, 2015])),
    ];
    for (const o of refusals)
      expect(o).toMatchObject({
        ok: false,
        error: "#N/A",
        message: expect.stringContaining("早于基期年2020"),
      });
    expect(run("STATUS", [...Y, 470, 2015])).toEqual({ ok: true, value: "无法评估" });
  });

  it("results carry no binary noise: 484.8 and −14.8 exactly, rounded to 12 significant digits", () => {
    expect(run("EXPECTED", [...Y, 2023])).toEqual({ ok: true, value: 484.8 });
    expect(run("VARIANCE", [...Y, 470, 2023])).toEqual({ ok: true, value: -14.8 });
    const rate = run("REQUIRED_RATE", [...Y, 470, 2023]);
    expect(rate).toEqual({ ok: true, value: Number((Math.sqrt(600 / 470) - 1).toPrecision(12)) });
  });

  it("FORECAST refuses what PROGRESS refuses, and says why it has no value; OUTLOOK then reads 无法评估 and why", () => {
    expect(run("FORECAST", [...Y, -5, 2023])).toMatchObject({ ok: false, error: "#VALUE!" });
    expect(run("OUTLOOK", [...Y, -5, 2023])).toMatchObject({ ok: false, error: "#VALUE!" });
    expect(run("FORECAST", [...Y, "470家", 2023])).toEqual(run("PROGRESS", [...Y, "470家", 2023]));
    const why = (args: unknown[]) => {
      const o = run("FORECAST", [...Y, ...args]);
      return o.ok ? o.value : `${o.error} ${o.message}`;
    };
    expect(why([470, 2015])).toMatch(/^#N\/A .*早于基期年2020/);
    expect(why([470, 2020])).toMatch(/^#N\/A .*即基期年/);
    expect(why([null, 2023])).toMatch(/^#N\/A .*缺少实际值/);
    expect(why([470, null])).toMatch(/^#N\/A .*缺少评估年份/);
    for (const [args, said] of [
      [[470, 2015], "无法评估(评估年份早于基期)"],
      [[470, 2020], "无法评估(评估年份即基期年)"],
      [[null, 2023], "无法评估(缺实际值)"],
      [[470, null], "无法评估(缺评估年份)"],
    ] as const)
      expect(run("OUTLOOK", [...Y, ...args])).toEqual({ ok: true, value: said });
    expect(run("OUTLOOK", [...Y, 600, 2023])).toEqual({ ok: true, value: "已完成" });
    expect(run("OUTLOOK", [...Y, 520, 2023])).toEqual({ ok: true, value: "预计可完成" }); // 520 + 208/3·2 = 658.7
  });

  it("no required growth once the target is met", () => {
    expect(run("REQUIRED_RATE", [...Y, 650, 2023])).toMatchObject({
      ok: false,
      error: "#N/A",
      message: expect.stringContaining("已完成"),
    });
  });

  it.each([
    ["a negative count", ["益阳", "高新技术企业", 2025, -5, 2023], "不小于0"],
    ["1e20", ["益阳", "高新技术企业", 2025, 1e20, 2023], "数值过大"],
    ["a share above 100 %", ["益阳", "研发经费投入强度", 2025, 250, 2023], "0–100"],
    ["a growth rate below −100 %", ["益阳", "研发经费投入年均增速", 2025, -120, 2023], "不小于-100"],
    ["text", ["益阳", "高新技术企业", 2025, "abc", 2023], "请只填数字"],
    ["1,234 as text", ["益阳", "高新技术企业", 2025, "1,234", 2023], "千位分隔符"],
    ["full-width digits", ["益阳", "高新技术企业", 2025, "４７０", 2023], "半角数字"],
    ["a number with its unit", ["益阳", "高新技术企业", 2025, "470家", 2023], "去掉单位"],
    ["a typed percent", ["益阳", "研发经费投入强度", 2025, "2.1%", 2023], "2.1 表示 2.1%"],
    ["a year as text", ["益阳", "高新技术企业", 2025, 470, "2023"], "文本"],
    ["a fractional year", ["益阳", "高新技术企业", 2025, 470, 2023.5], "整数年份"],
  ])("STATUS refuses %s with #VALUE! and says what to type", (_name, args, fragment) => {
    expect(run("STATUS", args as unknown[])).toMatchObject({
      ok: false,
      error: "#VALUE!",
      message: expect.stringContaining(fragment),
    });
  });

  it("a growth rate may be negative (−3 %: the level fell), a share may be 0", () => {
    expect(run("STATUS", ["益阳", "研发经费投入年均增速", 2025, -3, 2023])).toEqual({
      ok: true,
      value: "逆向变化",
    });
    expect(run("PROGRESS", ["益阳", "研发经费投入强度", 2025, 0, 2023]).ok).toBe(true);
  });
});
