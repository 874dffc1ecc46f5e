// Inputs as people type them into a progress sheet — good numbers and every kind of bad one — and what the runner
// says about each: the oracle of the bad-input property tests (HyperFormula: test/shared/bad-inputs.property.test.ts;
// LibreOffice: test/report/libreoffice.test.ts).
//
// One typed input has three faces: what is typed into the preview's memory workbook (HyperFormula parses "2.1%" as
// 0.021), what a written .xlsx holds (0.021 with a percent format, as Excel stores typing "2.1%"), and what the
// runner receives: the cell's value, as PLAN.STATUS(…,J7,…) would. A percent- or date-typed number is the number
// stored, for the sheet as for the runner: no formula reads a format (CELL("format") is not in every host); the
// pane names such cells instead (src/sheet/typed-formats.ts).
import fc from "fast-check";
import type { CatalogTarget } from "../../src/core/catalog/catalog";
import type { Context } from "../../src/core/functions/functions";
import { needsBaselineInput } from "../../src/core/sheet/layout";
import {
  elapsedShare,
  impliedBaseline,
  INPUT_ERROR,
  inputRange,
  isRateLike,
  type SheetStatus,
} from "../../src/core/method/methodology";
import { run, type Outcome } from "../../src/core/functions/runner";
import type { CellValue } from "../../src/workbook/workbook";

export type InputKind =
  | "number"
  | "blank"
  | "text"
  | "thousands"
  | "fullwidth"
  | "chinese"
  | "unit"
  | "percent"
  | "negative"
  | "huge"
  | "date"
  | "boolean"
  | "error"
  | "space";
export const INPUT_KINDS: InputKind[] = [
  "number",
  "blank",
  "text",
  "thousands",
  "fullwidth",
  "chinese",
  "unit",
  "percent",
  "negative",
  "huge",
  "date",
  "boolean",
  "error",
  "space",
];

/** One typed input. */
export interface Typed {
  kind: InputKind;
  /** What is typed into the memory workbook (MemoryWorkbook.setCell). */
  typed: CellValue;
  /** What an .xlsx cell holds after such typing: a value, or a formula, with the number format typing gives it. */
  xlsx: { value?: string | number | boolean; formula?: string; numFmt?: string };
  /** What the runner receives. */
  runner: unknown;
}

const fullWidth = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
/** Excel's serial number of a date (1900 date system). */
const serial = (y: number, m: number, d: number) =>
  Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 864e5);

/** A typed input of a kind; `x` is a plausible number for the row (a valid actual or year). */
export function typedInput(kind: InputKind, x: number, unit: string): Typed {
  const text = (s: string): Typed => ({ kind, typed: s, xlsx: { value: s }, runner: s });
  const n = (v: number): Typed => ({ kind, typed: v, xlsx: { value: v }, runner: v });
  const int = Math.max(1000, Math.round(Math.abs(x) * 10) + 1000);
  switch (kind) {
    case "number":
      return n(x);
    case "blank":
      return { kind, typed: null, xlsx: {}, runner: null };
    case "text":
      return text(["abc", "待定", "n/a", "—"][int % 4]);
    case "thousands":
      return text(int.toLocaleString("en-US")); // text in HyperFormula and LibreOffice (a number in Excel)
    case "fullwidth":
      return text(fullWidth(String(Math.round(Math.abs(x)))));
    case "chinese":
      return text(["四百七十", "一千二百", "三", "二〇二三"][int % 4]);
    case "unit":
      return text(`${Math.round(Math.abs(x))}${unit === "%" ? "个百分点" : unit || "家"}`);
    case "percent": {
      const p = Math.round(Math.abs(x) * 10) / 10 || 2.1;
      return { kind, typed: `${p}%`, xlsx: { value: p / 100, numFmt: "0.00%" }, runner: p / 100 };
    }
    case "negative":
      return n(-(Math.round(Math.abs(x) * 10) / 10 + 101));
    case "huge":
      return n(1e20);
    case "date": {
      const [d, m, y] = [1 + (int % 28), 1 + (int % 12), 2023];
      const dd = (v: number) => String(v).padStart(2, "0");
      const s = `${dd(d)}/${dd(m)}/${y}`; // HyperFormula's default date format DD/MM/YYYY
      return {
        kind,
        typed: s,
        xlsx: { value: serial(y, m, d), numFmt: "yyyy-mm-dd" },
        runner: serial(y, m, d),
      };
    }
    case "boolean":
      return { kind, typed: int % 2 === 0, xlsx: { value: int % 2 === 0 }, runner: int % 2 === 0 };
    case "error":
      return int % 2
        ? { kind, typed: "=1/0", xlsx: { formula: "1/0" }, runner: { errorType: "DIV_BY_ZERO" } }
        : { kind, typed: "=NA()", xlsx: { formula: "NA()" }, runner: { errorType: "NA" } };
    case "space":
      return text(" ");
  }
}

/** Kinds weighted so that valid numbers (and blanks) make half the draws: every status is reached too. */
const kindArb = fc.oneof(
  { arbitrary: fc.constant<InputKind>("number"), weight: 12 },
  { arbitrary: fc.constant<InputKind>("blank"), weight: 2 },
  { arbitrary: fc.constantFrom(...INPUT_KINDS.filter((k) => k !== "number" && k !== "blank")), weight: 12 },
);

/**
 * A plausible actual for the row: from a little below its baseline to beyond its target (completion −0.2 … 1.4,
 * so that every pace band is reached), within the row's range.
 */
function plausible(t: CatalogTarget, u: number): number {
  const { min, max } = inputRange(t.kind, t.unit);
  const B = isRateLike(t.kind) ? 0 : (impliedBaseline(t.kind) ?? t.baselineObs?.value ?? 0.5 * t.threshold);
  const v = B + (t.threshold - B) * (u * 1.6 - 0.2);
  return Math.min(max, Math.max(min, Math.round(v * 1000) / 1000));
}

export function actualArb(t: CatalogTarget): fc.Arbitrary<Typed> {
  return fc
    .tuple(kindArb, fc.integer({ min: 0, max: 1000 }))
    .map(([kind, u]) => typedInput(kind, plausible(t, u / 1000), t.unit));
}

/** The 评估年份: a year around the plan (before its base year, through after its last target), or a bad input. */
export function yearArb(from: number, to: number): fc.Arbitrary<Typed> {
  const year = fc.integer({ min: from - 2, max: to + 1 }).map((y) => typedInput("number", y, ""));
  const odd = fc.constantFrom<Typed>(
    typedInput("number", 2023.5, ""),
    typedInput("number", 1980, ""),
    typedInput("number", 2200, ""),
    { kind: "text", typed: "2023年", xlsx: { value: "2023年" }, runner: "2023年" },
    { kind: "text", typed: "'2023", xlsx: { value: "2023" }, runner: "2023" }, // a year stored as text
  );
  return fc.oneof(
    { arbitrary: year, weight: 10 },
    { arbitrary: odd, weight: 3 },
    { arbitrary: fc.constantFrom(...INPUT_KINDS).map((k) => typedInput(k, 2023, "")), weight: 7 },
  );
}

/** The number a valid typed input stands for, or undefined when the sheet refuses it (null: blank). */
export function validNumber(x: Typed, t: CatalogTarget): number | null | undefined {
  if (x.kind === "blank") return null;
  if (typeof x.runner !== "number") return undefined;
  const { min, max } = inputRange(t.kind, t.unit);
  return x.runner >= min && x.runner <= max ? x.runner : undefined;
}

/** What the sheet must show for a row, from the runner's answers. */
export interface Expected {
  status: SheetStatus;
  elapsed: number | null;
  completion: number | null;
  expected: number | null;
  variance: number | null;
  requiredRate: number | null;
  forecast: number | null;
  /** The runner's OUTLOOK (输入有误 where it refuses). */
  outlook: string;
  /** Whether 输入检查 says something. */
  flagged: boolean;
  /** The runner's STATUS outcome, for messages. */
  runnerStatus: Outcome;
}

/** The runner on this target (no name resolution), with a typed baseline in place of the plan's missing one. */
function contextFor(ctx: Context, t: CatalogTarget, baseline: number | null): Context {
  const target =
    baseline === null ? t : ({ ...t, baselineObs: { ...t.baselineObs, value: baseline } } as CatalogTarget);
  const resolver = { target: () => target, resolve: () => ({ target, unit: null }) };
  return { ...ctx, resolver: resolver as unknown as Context["resolver"] };
}

export function expectedFromRunner(
  ctx: Context,
  t: CatalogTarget,
  actual: Typed,
  baseline: Typed | null,
  year: Typed,
): Expected {
  const typedB = needsBaselineInput(t) && baseline ? validNumber(baseline, t) : null;
  const c = contextFor(ctx, t, typedB ?? null);
  const args = (a: unknown, y: unknown) => [t.regionDef.name, t.indicatorDef.name, t.targetYear, a, y];
  const status = run("STATUS", args(actual.runner, year.runner), c);
  const none = {
    elapsed: null,
    completion: null,
    expected: null,
    variance: null,
    requiredRate: null,
    forecast: null,
  };
  if (!status.ok || typedB === undefined)
    return { status: INPUT_ERROR, ...none, outlook: INPUT_ERROR, flagged: true, runnerStatus: status };
  const num = (o: Outcome) => (o.ok && typeof o.value === "number" ? o.value : null);
  const y = typeof year.runner === "number" ? year.runner : null;
  return {
    status: status.value as SheetStatus,
    elapsed: elapsedShare(y, t.baseYear ?? t.plan.baseYear, t.targetYear),
    completion: num(run("PROGRESS", args(actual.runner, year.runner), c)),
    expected: num(run("EXPECTED", [...args(null, null).slice(0, 3), year.runner], c)),
    variance: num(run("VARIANCE", args(actual.runner, year.runner), c)),
    requiredRate: num(run("REQUIRED_RATE", args(actual.runner, year.runner), c)),
    forecast: num(run("FORECAST", args(actual.runner, year.runner), c)),
    outlook: String((run("OUTLOOK", args(actual.runner, year.runner), c) as { value?: unknown }).value),
    flagged: false,
    runnerStatus: status,
  };
}

/** Sheet and runner agree on a number within the runner's rounding (12 significant digits). */
export const sameNumber = (sheet: CellValue, runner: number | null) =>
  runner === null
    ? sheet === null
    : typeof sheet === "number" && Math.abs(sheet - runner) <= 1e-9 * Math.max(1, Math.abs(runner));

export const DERIVED = ["elapsed", "completion", "expected", "variance", "requiredRate", "forecast"] as const;
