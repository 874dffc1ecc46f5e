// Whether a quote states a number: the scan of a plain quote (quote-numbers.ts) answers as NFKC and the regexes
// of numbersInQuote do, for quotes drawn from characters that NFKC changes or leaves, digits, points and commas.
import fc from "fast-check";
import { numbersInQuote, quoteStates } from "../../src/core/packs/quote-numbers";

const CHARS = [
  ..."0123456789.,,,. 年达到亿元家%%()约、。“”",
  ..."０１２３４５６７８９．，",
  ..."①⑴⒈²³¹₂﹒﹐․\u0301\u3000\uff0e",
];
/** Characters of a quote the scan reads itself (NFKC leaves them or folds them to ASCII other than digits). */
const PLAIN = [..."0123456789...,,,, 年达到亿元家%%()约、。“”"];
const of = (chars: string[]) => fc.array(fc.constantFrom(...chars), { maxLength: 16 }).map((cs) => cs.join(""));
const quote = fc.oneof(of(PLAIN), of(CHARS));
const number = fc.oneof(
  fc.constantFrom(0, 1, 2, 5, 12, 123, 1234, 12345, 0.5, 1.5, 2.25, 1234.5),
  fc.integer({ min: 0, max: 99999 }),
);

const near = (n: number) => (x: number) => Math.abs(x - n) < 1e-9 * Math.max(1, Math.abs(n));

describe("quoteStates", () => {
  it("answers as numbersInQuote reads the quote", () => {
    fc.assert(
      fc.property(quote, number, (q, n) => {
        expect(quoteStates(q, n)).toBe(numbersInQuote(q).some(near(n)));
      }),
      { numRuns: 5_000 },
    );
  });

  it("reads every number of a quote (each one stated)", () => {
    fc.assert(
      fc.property(quote, (q) => {
        for (const n of numbersInQuote(q)) expect(quoteStates(q, n)).toBe(true);
      }),
      { numRuns: 5_000 },
    );
  });

  it.each<[string, number, boolean]>([
    ["到2030年,高新技术企业达到150家以上", 150, true],
    ["技术合同成交额突破1,234亿元", 1234, true],
    ["达到1,23亿元", 1, true],
    ["达到１２３家", 123, true],
    ["研发投入强度达到2.5%", 2.5, true],
    ["研发投入强度达到2.5%", 2, false],
    ["第1.2.3条", 3, true],
  ])("%s states %d: %s", (q, n, yes) => expect(quoteStates(q, n)).toBe(yes));
});
