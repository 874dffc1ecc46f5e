// The one year rule (src/core/method/years.ts): what reads as a year, the default 评估年份, the message.
import { defaultAssessmentYear, isYear, readYear, yearProblem, YEARS } from "../../src/core/method/years";

test.each([
  [2025, 2025],
  ["2025", 2025],
  [" 2025年 ", 2025],
  ["２０２５", 2025],
  ["二〇二三", 2023],
  ["二〇二三年", 2023],
  ["2025.0", 2025],
  [YEARS.min, YEARS.min],
  [YEARS.max, YEARS.max],
  [YEARS.min - 1, null],
  [YEARS.max + 1, null],
  [2025.5, null],
  ["2025.5", null],
  ["25", null],
  ["2025-01", null],
  [45000, null],
])("readYear(%j) → %j", (raw, want) => expect(readYear(raw)).toBe(want));

test("isYear takes whole numbers in range only", () => {
  expect([2025, 1990, 2100, 1989, 2101, 2025.1, NaN].map(isYear)).toEqual([
    true,
    true,
    true,
    false,
    false,
    false,
    false,
  ]);
  expect(isYear("2025")).toBe(false);
});

test("the default 评估年份 is the current year clamped into the period", () => {
  const period = { start: 2021, end: 2025 };
  expect([2019, 2023, 2030].map((now) => defaultAssessmentYear(period, now))).toEqual([2021, 2023, 2025]);
});

test("the problem names the span, what was given, and a serial date as such", () => {
  expect(yearProblem("二〇二x")).toBe("应为1990–2100之间的整数年份,如 2025;收到 “二〇二x”");
  expect(yearProblem(45000)).toContain("看起来是日期");
});
