// Extraction on adversarial text: runs of 100,000 characters in one line. Before the fix, 8,000 ideographic
// spaces took over 60 s (a cubic regex); at 100,000 a quadratic or cubic pattern runs for hours. No timing is
// asserted: jest's per-test timeout (RUN_LIMIT, far above the second or so linear work takes) is the guard. A
// regex cannot be interrupted, so a regression fails by that timeout once the call returns, or shows as a run
// that never ends (checked: with the old patterns the first test ran past 200 s).
import { extractCandidates } from "../../src/core/extract";

const RUN = 100_000;
const RUN_LIMIT = 60_000;

describe("extraction stays linear on runs of 100,000 characters", () => {
  test(
    "ideographic spaces inside a sentence: the target after them is still found",
    () => {
      const text = `到2025年,高新技术企业达到${"\u3000".repeat(RUN)}600家。`;
      const c = extractCandidates(text);
      expect(c.map((x) => [x.value, x.unit, x.year])).toEqual([[600, "家", 2025]]);
      expect(text.slice(c[0].start, c[0].end)).toBe(c[0].quote);
    },
    RUN_LIMIT,
  );

  test.each<[string, string]>([
    ["spaces between 到 and the year", `到${" ".repeat(RUN)}2025年,高新技术企业达到600家`],
    ["spaces at the end of a clause", `高新技术企业达到600家${" ".repeat(RUN)}x,研发投入强度达到2.5%`],
    ["spaces after 力争 and 比", `力争${" ".repeat(RUN)}比${"\u3000".repeat(RUN)}2020年翻番`],
    ["digits", `高新技术企业达到${"7".repeat(RUN)}家`],
    ["digits then spaces and 个", `引进${"1".repeat(RUN)}${" ".repeat(RUN)}个团队`],
    ["ideographs", `${"高".repeat(RUN)}达到600家`],
    ["many amounts in one clause", `企业达到${" 5".repeat(RUN)}家`],
    ["many years in one clause", `到${"2025年 ".repeat(RUN / 5)}达到600家`],
    ["tabs", `指标${"\t".repeat(RUN)}600家`],
    ["commas", `达到600家${",".repeat(RUN)}`],
  ])(
    "%s",
    (_name, text) => {
      for (const c of extractCandidates(text)) expect(text.slice(c.start, c.end)).toBe(c.quote);
    },
    RUN_LIMIT,
  );
});
