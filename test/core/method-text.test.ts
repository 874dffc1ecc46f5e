// The method note is generated from the methodology's definitions (issue 23: the 上报 footnote said "比重、增速类为
// 实际值 ÷ 目标值" beside a share row computed from its increment). Each row's rule, in words, is checked here against
// assess(): the words are read as arithmetic and must give assess()'s 完成进度 for drawn actuals.
import { bundledCatalog, progressInputFor, type CatalogTarget } from "../../src/core/catalog/catalog";
import { assess } from "../../src/core/method/methodology";
import { planTargets, buildProgressSheet } from "../../src/core/sheet/layout";
import { buildReportSheet } from "../../src/core/sheet/report-layout";
import { completionText, methodNote } from "../../src/core/sheet/method-text";

const catalog = bundledCatalog();

/** The words of a rule as arithmetic over A (actual), B (baseline) and V (target): the reader's reading. */
const READINGS: [RegExp, (A: number, B: number, V: number) => number][] = [
  [/^\(实际值 − 基期值\) ÷ \(目标值 − 基期值\)$/, (A, B, V) => (A - B) / (V - B)],
  [/^ln\(实际值 ÷ 基期值\) ÷ ln\(目标值 ÷ 基期值\)$/, (A, B, V) => Math.log(A / B) / Math.log(V / B)],
  [/^累计实际值 ÷ 目标值/, (A, _B, V) => A / V],
  [/^\(实际倍数 − 1\) ÷ \(目标倍数 − 1\)/, (A, _B, V) => (A - 1) / (V - 1)],
  [/^ln\(实际倍数\) ÷ ln\(目标倍数\)/, (A, _B, V) => Math.log(A) / Math.log(V)],
  [/^实际年均增速 ÷ 目标增速/, (A, _B, V) => A / V],
  [/^当年实际值 ÷ 每年目标/, (A, _B, V) => A / V],
  [/^达到即已完成/, (A, _B, V) => A / V],
];

const baselineOf = (t: CatalogTarget) => t.baselineObs?.value ?? Math.max(0.5, t.threshold * 0.5);

test.each(catalog.targets.map((t) => [t.id, t] as const))(
  "%s: the note's rule gives assess()'s 完成进度",
  (_id, t) => {
    const words = completionText(t);
    const reading = READINGS.find(([re]) => re.test(words));
    expect([words, reading !== undefined]).toEqual([words, true]);
    const B = baselineOf(t);
    const year = Math.min(t.targetYear - 1, (t.baseYear ?? t.plan.baseYear) + 2);
    for (const share of [0.3, 0.8, 1.2]) {
      const A = t.kind === "multiple" ? 1 + (t.threshold - 1) * share : t.threshold * share + 0.1;
      const p = assess(progressInputFor(t, A, year, B));
      if (p.completion === null) continue; // met at the base: no completion to describe
      const implied = t.kind === "cumulative" || t.kind === "milestone" ? 0 : t.kind === "multiple" ? 1 : B;
      expect([t.id, A, reading![1](A, implied, t.threshold)]).toEqual([
        t.id,
        A,
        expect.closeTo(p.completion, 9),
      ]);
    }
  },
);

test("the 上报 footnote for 益阳 says the share rows' increment rule, never 比重 … 实际值 ÷ 目标值", () => {
  const layout = buildProgressSheet(catalog, "yiyang-14th", { year: 2023 });
  const report = buildReportSheet(catalog, layout);
  const note = report.rows.flat().find((c) => String(c.value ?? "").startsWith("说明:"))?.value as string;
  expect(note).toContain(methodNote(planTargets(catalog, "yiyang-14th")));
  expect(note).toMatch(/比重类\(%\)[^;]*为\(实际值 − 基期值\) ÷ \(目标值 − 基期值\)/);
  expect(note).not.toContain("比重、增速类为实际值 ÷ 目标值");
});
