// OpenCC skipped for a text that holds none of its dictionaries' source texts (opencc.ts): such a text is
// exactly what the converter returns, for every CJK and full-width character and for strings drawn from them.
import fc from "fast-check";
import * as OpenCC from "opencc-js/t2cn";
import { canChange } from "../../src/core/catalog/opencc";
import { toSimplified } from "../../src/core/catalog/text";

const convert = OpenCC.Converter({ from: "hk", to: "cn" });
const RANGES: [number, number][] = [
  [0x2e80, 0x2fff],
  [0x3000, 0x9fff],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xffef],
];
const chars = RANGES.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => String.fromCharCode(a + i)));

describe("canChange", () => {
  it("is false only for a character the converter leaves", () => {
    const wrong = chars.filter((c) => !canChange(c) && convert(c) !== c);
    expect(wrong).toEqual([]);
    expect(chars.filter((c) => canChange(c)).length).toBeGreaterThan(1000); // the dictionaries were read
  });

  it("is false only for a text the converter leaves (strings of changing and unchanging characters)", () => {
    const changing = chars.filter((c) => canChange(c)).slice(0, 400);
    const pool = [...changing, ..."新型指标号产业高新技术企业研发经费投入强度1,.年达到"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { maxLength: 8 }), (cs) => {
        const s = cs.join("");
        if (!canChange(s)) expect(convert(s)).toBe(s);
        expect(toSimplified(s)).toBe(convert(s));
      }),
      { numRuns: 5_000 },
    );
  });

  it("is true for a phrase of the dictionaries, alone or within a name", () => {
    const dicts = JSON.stringify(OpenCC.Locale.configs.hk2s.conversionChain);
    const phrases = [...dicts.matchAll(/[|"]([^ |"\\]{2,}) /g)].map((m) => m[1]).slice(0, 500);
    expect(phrases.length).toBeGreaterThan(100);
    for (const p of phrases) {
      expect(canChange(p)).toBe(true);
      expect(toSimplified(`新型${p}产业`)).toBe(convert(`新型${p}产业`));
    }
  });

  it("holds for texts of 繁体 and of simplified names", () => {
    for (const s of ["技術合同成交額", "研發經費投入強度", "新型指标123号产业", "著作权", "乾坤", "高新技术企业"])
      expect(toSimplified(s)).toBe(convert(s));
    expect(canChange("技術合同成交額")).toBe(true);
  });
});
