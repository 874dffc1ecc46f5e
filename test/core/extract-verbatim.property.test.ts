// Every quote is a verbatim slice of the input at the right place, whatever the input: full-width forms,
// traditional characters, characters NFKC expands (㎡, ①, ½), emoji (surrogate pairs), CRLF; and the
// extractor never throws. "At the right place": the quote holds the candidate's number as the text writes it.
import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { extractCandidates } from "../../src/core/extract";

const FRAGMENTS = [
  "到2030年，",
  "2024年",
  "力争",
  "全市",
  "高新技术企业",
  "研發經費投入強度",
  "达到",
  "超过",
  "突破",
  "不低于",
  "600",
  "1,234",
  "４７０",
  "２．５",
  "2.5",
  "1-2",
  "家",
  "%",
  "％",
  "亿元",
  "万人",
  "件",
  "个",
  "以上",
  "左右",
  "，",
  ",",
  "。",
  "；",
  "、",
  "\n",
  "\r\n",
  "一、",
  "(一)",
  "1.",
  "翻一番",
  "全覆盖",
  "零的突破",
  "〔2021〕5号",
  "第四",
  "㎡",
  "①",
  "½",
  "😀",
  "ﬁ",
  " ",
  "\t",
  "|",
  "表1",
  "指标",
  "单位",
  "2025年",
  "比2020年",
  "已",
];

const numbersOf = (c: { value: number | null; min: number | null; max: number | null }) =>
  [c.value, c.min, c.max].filter((n): n is number => n !== null).map(String);
/** The quote's text as the rules read numbers: NFKC, no thousands separators. */
const digitsOf = (quote: string) => quote.normalize("NFKC").replace(/(\d),(?=\d{3})/g, "$1");

describe("verbatim quotes on any input", () => {
  it("holds for random sequences of plan fragments", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }), (parts) => {
        const text = parts.join("");
        for (const c of extractCandidates(text)) {
          expect(c.start).toBeLessThan(c.end);
          expect(text.slice(c.start, c.end)).toBe(c.quote);
          if (!c.implied) for (const n of numbersOf(c)) expect(digitsOf(c.quote)).toContain(n);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("holds for arbitrary unicode strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (text) => {
        for (const c of extractCandidates(text)) expect(text.slice(c.start, c.end)).toBe(c.quote);
      }),
      { numRuns: 200 },
    );
  });
});

describe("the extractor is pure (the pane runs it)", () => {
  const dir = path.resolve(__dirname, "../../src/core/extract");
  it.each(readdirSync(dir).filter((f) => f.endsWith(".ts")))("%s imports only the core", (f) => {
    const src = readFileSync(path.join(dir, f), "utf8");
    const imports = [...src.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]);
    for (const i of imports) expect(i).toMatch(/^\.\.?\//);
    expect(src).not.toMatch(/require\(|process\.|\bdocument\.|\bwindow\.|Office\.|Excel\./);
  });
});
