// Units: values come back in the plan's own unit; a unit argument converts within one dimension only.
import fc from "fast-check";
import { run } from "../../src/core/functions/runner";
import { convert } from "../../src/core/method/units";
import { valueOf } from "../shared/outcome";

const target = (...args: unknown[]) => run("TARGET", args);

describe("values in the plan's own unit", () => {
  it.each([
    [["益阳", "高新技术企业", 2025], 600], // 高新技术企业数达到600家以上
    [["益阳", "研发经费投入强度", 2025], 2.5], // 占生产总值比重达到2.5%
    [["中山", "技术合同交易额", 2025], 40], // 技术合同交易额达40亿元
    [["城区", "累计新引进大学生", 2026], 0.5], // 累计新引进大学生达到0.5万人
    [["城区", "技术合同交易额", 2026], 1650], // 登记技术合同交易额达到1650万元以上
    [["城区", "人才资源总量", 2026], 14], // 人才资源总量达到14万人
  ])("%j → %p", (args, expected) => {
    expect(valueOf(target(...args))).toBe(expected);
    expect(valueOf(target(...args, null))).toBe(expected);
    expect(valueOf(target(...args, ""))).toBe(expected);
  });

  it("INFO reports the plan's unit", () => {
    expect(valueOf(run("INFO", ["中山", "技术合同交易额", 2025, "单位"]))).toBe("亿元");
    expect(valueOf(run("INFO", ["城区", "累计新引进大学生", 2026, "unit"]))).toBe("万人");
    expect(valueOf(run("INFO", ["益阳", "高新技术企业", 2025, "单位"]))).toBe("家");
  });
});

describe("conversion within a dimension", () => {
  it("money: 40亿元 = 400000万元 = 4000000000元", () => {
    expect(valueOf(target("中山", "技术合同交易额", 2025, "亿元"))).toBe(40);
    expect(valueOf(target("中山", "技术合同交易额", 2025, "万元"))).toBe(400000);
    expect(valueOf(target("中山", "技术合同交易额", 2025, "元"))).toBe(4000000000);
  });

  it("people: 0.5万人 = 5000人; 14万人 = 140000人", () => {
    expect(valueOf(target("城区", "累计新引进大学生", 2026, "人"))).toBe(5000);
    expect(valueOf(target("城区", "人才资源总量", 2026, "人"))).toBe(140000);
  });

  it("1650万元 = 0.165亿元 exactly, without binary noise", () => {
    expect(valueOf(target("城区", "技术合同交易额", 2026, "亿元"))).toBe(0.165);
    expect(convert(1650, "万元", "亿元")).toBe(0.165);
  });

  it("historical figures convert too (R&D经费支出 2020年 34.94亿元)", () => {
    expect(valueOf(run("BASELINE", ["益阳", "研发经费支出", 2020]))).toBe(34.94);
    expect(valueOf(run("BASELINE", ["益阳", "研发经费支出", 2020, "万元"]))).toBe(349400);
  });

  it("the plan's own unit is the identity", () => {
    expect(convert(600, "家", "家")).toBe(600);
    expect(convert(2.5, "%", "%")).toBe(2.5);
    expect(convert(40, "亿元", null)).toBe(40);
    expect(convert(40, "亿元", undefined)).toBe(40);
  });

  it("property: 亿元 → 万元 → 亿元 round-trips, and 万元 → 元 scales by 10^4", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 4 }), (n, d) => {
        const x = n / 10 ** d; // figures as statisticians write them: up to 4 decimals
        const wan = convert(x, "亿元", "万元");
        expect(wan).toBeCloseTo(x * 1e4, 6);
        expect(convert(wan, "万元", "亿元")).toBeCloseTo(x, 10);
        expect(convert(x, "万元", "元")).toBeCloseTo(x * 1e4, 6);
      }),
    );
  });
});

describe("impossible or unknown units are #VALUE!", () => {
  it.each([
    [["中山", "技术合同交易额", 2025, "家"], "亿元 → 家"],
    [["益阳", "研发经费投入强度", 2025, "亿元"], "% → 亿元"],
    [["益阳", "高新技术企业", 2025, "万元"], "家 → 万元"],
    [["城区", "累计新引进大学生", 2026, "万元"], "万人 → 万元"],
  ])("%j (%s)", (args) => {
    const o = target(...args);
    expect(o).toMatchObject({ ok: false, error: "#VALUE!" });
    if (!o.ok) expect(o.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it.each(["斤", "furlong", "xyz元", "%%"])("unknown unit %s", (unit) => {
    const o = target("中山", "技术合同交易额", 2025, unit);
    expect(o).toMatchObject({ ok: false, error: "#VALUE!" });
    if (!o.ok) expect(o.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it("convert throws (the runner maps it to #VALUE!)", () => {
    expect(() => convert(40, "亿元", "家")).toThrow();
    expect(() => convert(2.5, "%", "亿元")).toThrow();
    expect(() => convert(1, "万元", "斤")).toThrow();
  });
});
