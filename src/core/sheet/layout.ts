// The progress sheet (目标完成进度表) as plain data: values, formulas, formats, styles. No Office here.
// Every derived column is a standard Excel formula over its row and the 评估年份 cell, mirroring
// methodology.ts operation by operation, so the sheet computes the same in Excel without the add-in,
// in WPS and in LibreOffice. Two writers consume this: the Office.js adapter and the ExcelJS writer.
import { nameFor } from "../resolve/matching";
import { progressInputFor, type Catalog, type CatalogTarget, type PlanInfo } from "../catalog/catalog";
import { BINDING, type TargetKind } from "../catalog/schema";
import {
  citationOf,
  DATA_EDITION,
  describeTarget,
  KIND_LABEL,
  planCitation,
  seedOf,
  regionDisplayName,
  subjectOf,
} from "../catalog/labels";
import {
  ABOUT_TOLERANCE,
  assess,
  completesEarly,
  EPSILON,
  FORECAST_SLACK,
  impliedBaseline,
  INPUT_ERROR,
  inputRange,
  isMilestone,
  isRateCeiling,
  outlookCompletesEarly,
  isTotalCap,
  isRateLike,
  OUTLOOK,
  PACE,
  type PaceThresholds,
  requiredFormat,
  requiredUnit,
  SHEET_STATUS_ORDER,
  slack,
  STATUS,
  type Outlook,
  type SheetStatus,
  THRESHOLD_MAX,
  validThresholds,
} from "../method/methodology";
import { assessmentSpan, assessmentSpanWords, isYear, YEAR_SPAN, YEARS } from "../method/years";
import { inputMessages as ruleMessages, rangeWords } from "../method/inputs";
import {
  outlookSaid,
  unassessableOutlook,
  UNASSESSABLE,
  type OutlookSaid,
  type UnassessableReason,
} from "../method/reasons";
import { formulaText } from "./formula-text";
import { methodNote, statusNote } from "./method-text";
import { excelSheetName } from "./sheet-names";
import { coreMessage } from "../messages";

export type CellValue = string | number | boolean | null;
export type StyleName =
  | "title"
  | "meta"
  | "metaInput"
  | "header"
  | "text"
  | "number"
  | "input"
  | "derived"
  | "quote"
  | "note"
  | "hidden";

export interface LayoutCell {
  value?: CellValue;
  /** A standard Excel formula, starting with "=". */
  formula?: string;
  numFmt?: string;
  style?: StyleName;
  /** Data validation of an input cell (Excel's 数据验证): what may be typed, with its messages. */
  validation?: InputValidation;
}

/**
 * Data validation of an input cell: a decimal or whole number in [min, max], blanks allowed, a Chinese input
 * message shown when the cell is selected and a stop alert for anything else. The cell's formulas check the
 * same rule (a paste bypasses validation in Excel; LibreOffice and older files may not enforce it).
 */
export interface InputValidation {
  type: "decimal" | "whole";
  min: number;
  max: number;
  prompt: { title: string; text: string };
  error: { title: string; text: string };
}

/** Column order of the table; column titles are how a refresh recognises columns. */
const COLUMN_LIST = [
  { key: "seq", title: "序号", width: 5 },
  { key: "indicator", title: "指标", width: 30 },
  { key: "subject", title: "主体", width: 14 },
  { key: "unit", title: "单位", width: 7 },
  { key: "baseYear", title: "基期年", width: 7 },
  { key: "baseline", title: "基期值", width: 10, input: true },
  { key: "targetYear", title: "目标年", width: 7 },
  { key: "target", title: "目标值", width: 10 },
  { key: "kind", title: "目标类型", width: 18 },
  { key: "actual", title: "实际值", width: 10, input: true },
  { key: "elapsed", title: "序时进度", width: 9 },
  { key: "completion", title: "完成进度", width: 9 },
  { key: "expected", title: "预期值", width: 10 },
  { key: "variance", title: "差额", width: 13 },
  { key: "requiredRate", title: "需年均增速", width: 10 },
  { key: "status", title: "状态", width: 10 },
  { key: "forecast", title: "预计目标年值", width: 12 },
  { key: "outlook", title: "趋势判断", width: 12 },
  { key: "check", title: "输入检查", width: 18 },
  { key: "source", title: "出处", width: 48 },
  { key: "note", title: "备注", width: 20, input: true },
  { key: "id", title: "目标ID", width: 4, hidden: true },
  // Technical: the seed file the quote comes from, for support (not for print).
  { key: "seed", title: "原文文件", width: 4, hidden: true },
] as const;

/** A column of the table, by key (the keys come from the list above). */
export type ColumnKey = (typeof COLUMN_LIST)[number]["key"];

export interface ColumnSpec {
  key: ColumnKey;
  title: string;
  width: number;
  hidden?: boolean;
  /** Cells the statistician types into; kept on refresh. */
  input?: boolean;
}

export const COLUMNS: ColumnSpec[] = [...COLUMN_LIST];

/** A column of the yearly actuals (历年实际值) block, by its year: "y2023". */
export type YearKey = `y${number}`;
export const yearKey = (year: number): YearKey => `y${year}`;
/** A column of a plan's sheet: one of the table's, or a year of its history block. */
export interface LayoutColumn extends Omit<ColumnSpec, "key"> {
  key: ColumnKey | YearKey;
}
/** Title of a yearly actual column; a refresh recognises the block by these titles. */
export const historyTitle = (year: number) => `${year}年实际值`;
const HISTORY_TITLE = /^(\d{4})年实际值$/;
/** The year of a yearly actual column's title ("2023年实际值" → 2023), else null. */
export function historyYearOf(title: string): number | null {
  const m = HISTORY_TITLE.exec(title.trim());
  return m ? Number(m[1]) : null;
}
const HISTORY_WIDTH = 11;
/** The history block starts right of the table's last column (the hidden 原文文件), so no column of ours moves. */
export const HISTORY_FIRST_COL = COLUMNS.length;

/** 0-based column index → "A", "B", … */
export function colLetter(i: number): string {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
export const COL = Object.fromEntries(COLUMNS.map((c, i) => [c.key, colLetter(i)])) as Record<
  ColumnKey,
  string
>;

/** Where things are (1-based Excel rows). */
export const SHEET = {
  titleRow: 1,
  yearRow: 3,
  headerRow: 6,
  firstDataRow: 7,
  /** The 评估年份 input cell. */
  yearCell: "C3",
  /** Marker in the hidden id column: identifies a sheet this add-in wrote. */
  markerCell: `${COL.id}1`,
  marker: "PLAN-PROGRESS-SHEET v1",
  planIdCell: `${COL.id}2`,
  versionCell: `${COL.id}3`,
} as const;
const Y = "$C$3";
/** Column of the first status label in the counts row (0-based: B). */
export const COUNTS_FIRST_COL = 1;

/** Footer on every printed page (Excel header/footer codes: &P page, &N pages). */
export const PAGE_FOOTER = "第 &P 页,共 &N 页";

/** The sheet's colours (RRGGBB), named once: the workbook styles, the status colours and the preview's charts. */
export const PALETTE = {
  /** Dark blue: the header fill, the title, the trend line. */
  brand: "1F4E79",
  /** Light yellow: cells to type into. */
  input: "FFF2CC",
  /** The border of input cells. */
  inputBorder: "BF9000",
  /** The grid of the table. */
  grid: "BFBFBF",
} as const;

/** Fill and font colours per status, for conditional formatting. */
export const STATUS_COLORS: Record<SheetStatus, { fill: string; font: string }> = {
  [STATUS.achieved]: { fill: "C6EFCE", font: "006100" },
  [STATUS.ahead]: { fill: "DDEBF7", font: PALETTE.brand },
  [STATUS.onTrack]: { fill: "E2EFDA", font: "375623" },
  [STATUS.behind]: { fill: "FFEB9C", font: "9C5700" },
  [STATUS.farBehind]: { fill: "F8CBAD", font: "843C0C" },
  [STATUS.regressing]: { fill: "FFC7CE", font: "9C0006" },
  [STATUS.missed]: { fill: "FFC7CE", font: "9C0006" },
  [STATUS.unassessable]: { fill: "EDEDED", font: "595959" },
  [STATUS.pending]: { fill: "D9E1F2", font: "305496" },
  [STATUS.kept]: { fill: "C6EFCE", font: "006100" },
  [STATUS.broken]: { fill: "FFC7CE", font: "9C0006" },
  [INPUT_ERROR]: { fill: "FF0000", font: "FFFFFF" },
};

/** Fill and font colours of 趋势判断, as the statuses they resemble. */
export const OUTLOOK_COLORS: Record<Outlook, { fill: string; font: string }> = {
  [OUTLOOK.achieved]: STATUS_COLORS[STATUS.achieved],
  [OUTLOOK.likely]: STATUS_COLORS[STATUS.onTrack],
  [OUTLOOK.unlikely]: STATUS_COLORS[STATUS.behind],
  [OUTLOOK.unassessable]: STATUS_COLORS[STATUS.unassessable],
};

export interface ConditionalFormat {
  /** A1 range, e.g. "P7:P40". */
  range: string;
  rule:
    | { type: "textEquals"; text: string; fill: string; font: string }
    | { type: "textBegins"; text: string; fill: string; font: string }
    | { type: "dataBar"; color: string; min: 0; max: 1 };
}

export interface ProgressSheetLayout {
  sheetName: string;
  planId: string;
  regionId: string;
  dataVersion: string;
  year: number;
  /** The pace thresholds written into the title block (the defaults unless the sheet was made with its own). */
  thresholds: PaceThresholds;
  /** The table's columns, then one per year of the history block. */
  columns: LayoutColumn[];
  /** Years of the history block (base year + 1 … last target year), one input column each. */
  historyYears: number[];
  /** The whole table from A1 down: title block, header row, one row per target. */
  rows: LayoutCell[][];
  /** Target id of each data row, in order (also written in the hidden id column). */
  targetIds: string[];
  merges: string[];
  conditionalFormats: ConditionalFormat[];
  /** Freeze panes below the header and right of the indicator column. */
  freeze: { rows: number; columns: number };
  /** The AutoFilter: the header row over every column, down to the last data row. */
  autoFilter: string;
  print: { landscape: true; fitToWidth: 1; titleRows: string; area: string; footer: string };
}

/** 目标类型 as the sheet shows it: 水平值(≥600,力争,预期性): the kind, the target, 力争 and 属性 where stated. */
const kindText = (t: CatalogTarget) =>
  `${KIND_LABEL[t.kind]}(${[describeTarget(t), t.hedged && "力争", t.attribute].filter(Boolean).join(",")})`;

/** Number formats by the plan's unit; values stay in the plan's unit (2.5 for 2.5%). */
export function unitFormat(unit: string, decimals: number): string {
  const d = decimals > 0 ? `.${"0".repeat(decimals)}` : "";
  if (unit === "%") return `0${d}"%"`;
  if (unit === "倍") return `0${d}"倍"`;
  return `#,##0${d}`;
}
/** 差额 of a % row: the difference of two percentages is in percentage points (个百分点), not %. */
export const pointsFormat = (decimals: number) =>
  `0${decimals > 0 ? `.${"0".repeat(decimals)}` : ""}"个百分点"`;
/** The fewest decimals a unit is shown with (shares 26.0 %, money 40.00 亿元, multiples 2.00 倍). */
const MIN_DECIMALS: Record<string, number> = { "%": 1, 亿元: 2, 万元: 2, 元: 2, 倍: 2 };
const PCT = "0.0%";
/** Input cells are General: typing "2.1%" or a date then gives the cell a percent or date format, which the pane
 * finds when it reads the sheet (typedFormatMessage; a preset number format would hide it). The formulas cannot
 * see a format without CELL("format"), which Excel on the web lacks and which is volatile. */
const INPUT_FORMAT = "General";

/** The plan's progress sheet name, as Excel accepts it (excelSheetName; made unique where sheets are added). */
export function sheetNameFor(plan: PlanInfo): string {
  return excelSheetName(`进度_${plan.shortName}`);
}

/** Targets of a plan in document order (primary records only). */
export function planTargets(catalog: Catalog, planId: string): CatalogTarget[] {
  return catalog.targets.filter((t) => t.plan.id === planId);
}

/** Does the row need a typed baseline (none in the plan and none implied by the kind)? */
export const needsBaselineInput = (t: CatalogTarget) =>
  !isRateLike(t.kind) && impliedBaseline(t.kind) === null && t.baselineObs === null;

/** Empty, or text "" (a formula's blank): the functions' blank. Errors and booleans are not blank. */
const blankCell = (X: string) => `IF(ISTEXT(${X}),LEN(${X})=0,ISBLANK(${X}))`;

/** The number literal of a range bound (1e15 as 1E+15 reads badly; Excel and LibreOffice take the digits). */
const lit = (x: number) => (Math.abs(x) >= 1e6 ? x.toFixed(0) : String(x));

/**
 * The check of one numeric input cell: "" when it is blank or a number in range, otherwise what is wrong (ending
 * in "。"). Mirrors runner.ts cellNumber and functions.ts checkedActual. Only functions every host computes: a
 * percent- or date-typed number is a number here (its format is the pane's to see: typedFormatMessage).
 */
function inputCheck(X: string, label: string, t: CatalogTarget): string {
  const { min, max } = inputRange(t.kind, t.unit);
  const m = inputMessages(label, t);
  // ISLOGICAL first: LibreOffice stores TRUE as the number 1 with a boolean format (ISNUMBER is TRUE there).
  return (
    `IF(ISLOGICAL(${X}),${formulaText(m.notNumber)},IF(ISNUMBER(${X}),` +
    `IF(OR(${X}<${lit(min)},${X}>${lit(max)}),${formulaText(m.range)},""),` +
    `IF(${blankCell(X)},"",${formulaText(m.notNumber)})))`
  );
}

/** What 输入检查 says about one input, by what is wrong with it (inputs.ts; the typed-format messages are the pane's). */
function inputMessages(label: string, t: CatalogTarget) {
  return {
    ...ruleMessages(label, t),
    percent:
      t.unit === "%"
        ? `${label}带百分号:请清除该单元格格式后按百分数填写,2.1表示2.1%。`
        : `${label}带百分号:本行单位为${unitLabel(t)},请清除该单元格格式后填数字。`,
    date: `${label}是日期:请清除该单元格格式后填数字。`,
  };
}

/**
 * What the pane says of an input cell whose number format shows it was typed as a percent ("2.1%", stored 0.021)
 * or a date: the sheet computes with the stored number, so the pane names the cell (see inputCheck).
 */
export function typedFormatMessage(t: CatalogTarget, label: string, typed: "percent" | "date"): string {
  return inputMessages(label, t)[typed];
}

const YEAR_MESSAGES = {
  range: `评估年份应为${YEAR_SPAN}之间的整数年份。`,
  notNumber: "评估年份应为数字年份,如2023。",
};

/** The 评估年份 check: blank, or a whole year in the functions' range. */
const yearCheck =
  `IF(ISLOGICAL(${Y}),${formulaText(YEAR_MESSAGES.notNumber)},IF(ISNUMBER(${Y}),` +
  `IF(OR(${Y}<>INT(${Y}),${Y}<${YEARS.min},${Y}>${YEARS.max}),${formulaText(YEAR_MESSAGES.range)},""),` +
  `IF(${blankCell(Y)},"",${formulaText(YEAR_MESSAGES.notNumber)})))`;

/**
 * The pace thresholds a sheet sets for itself (docs/methodology.md, 分档阈值): in the 评估年份 row, each a label
 * cell and a value cell (under the named columns), read by every row's 状态 formula. A refresh keeps their values.
 */
export const THRESHOLD_CELLS = [
  { key: "ahead", label: "baseline", value: "targetYear" },
  { key: "onTrack", label: "target", value: "kind" },
  { key: "behind", label: "actual", value: "elapsed" },
] as const satisfies readonly { key: keyof PaceThresholds; label: ColumnKey; value: ColumnKey }[];
/** The column of the note beside the threshold cells (in the 评估年份 row). */
export const THRESHOLD_NOTE_COLUMN: ColumnKey = "completion";
/** A threshold's value cell as written ("G3"). */
export const thresholdCell = (k: keyof PaceThresholds) =>
  `${COL[THRESHOLD_CELLS.find((c) => c.key === k)!.value]}${SHEET.yearRow}`;
/** A threshold's value cell, absolute ($G$3), as the row formulas read it. */
const thresholdRef = (k: keyof PaceThresholds) => thresholdCell(k).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
/** The threshold cells' values as read from a sheet (a threshold cell may hold anything the user typed). */
export type ThresholdValues = { [K in keyof PaceThresholds]: CellValue };
/** The label of a threshold cell ("快于预期≥"). */
export const thresholdLabel = (k: keyof PaceThresholds) => `${STATUS[k]}≥`;

const THRESHOLD_MESSAGES = {
  invalid:
    `进度比分档下限应为 0–${THRESHOLD_MAX} 之间的数字,且${STATUS.ahead} ≥ ${STATUS.onTrack} ≥ ${STATUS.behind}` +
    `(默认 ${PACE.ahead}、${PACE.onTrack}、${PACE.behind})。`,
};

/** The thresholds' check, as validThresholds: numbers (not TRUE/FALSE), THRESHOLD_MAX ≥ ahead ≥ onTrack ≥ behind ≥ 0. */
const thresholdCheck = (() => {
  const th = (["ahead", "onTrack", "behind"] as const).map(thresholdRef);
  const [a, o, b] = th;
  const msg = formulaText(THRESHOLD_MESSAGES.invalid);
  // ISLOGICAL first: LibreOffice stores TRUE as the number 1 (see inputCheck).
  const logical = `OR(${th.map((x) => `ISLOGICAL(${x})`).join(",")})`;
  const numbers = `AND(${th.map((x) => `ISNUMBER(${x})`).join(",")})`;
  const ordered = `AND(${a}<=${THRESHOLD_MAX},${a}>=${o},${o}>=${b},${b}>=0)`;
  return `IF(${logical},${msg},IF(${numbers},IF(${ordered},"",${msg}),${msg}))`;
})();

/** The title block's threshold cells: label, value (with its validation), and what they are, in words. */
function thresholdCells(row: LayoutCell[], th: PaceThresholds) {
  for (const c of THRESHOLD_CELLS) {
    const status = STATUS[c.key];
    row[COLUMNS.findIndex((x) => x.key === c.label)] = { value: thresholdLabel(c.key), style: "meta" };
    row[COLUMNS.findIndex((x) => x.key === c.value)] = {
      value: th[c.key],
      style: "metaInput",
      numFmt: "0.00",
      validation: {
        type: "decimal",
        min: 0,
        max: THRESHOLD_MAX,
        prompt: {
          title: `${status}下限`,
          text: `进度比(完成进度÷序时进度)不低于此值为“${status}”;默认 ${PACE[c.key]},可按本地规定修改。`,
        },
        error: { title: "输入有误", text: THRESHOLD_MESSAGES.invalid },
      },
    };
  }
  row[COLUMNS.findIndex((x) => x.key === THRESHOLD_NOTE_COLUMN)] = {
    value: `←进度比分档下限(可按本地规定修改;低于${STATUS.behind}下限为${STATUS.farBehind},为负为${STATUS.regressing})`,
    style: "note",
  };
}

/** What the thresholds' check says of these values ("" when usable). */
export const thresholdProblem = (th: ThresholdValues) =>
  validThresholds(th) ? "" : THRESHOLD_MESSAGES.invalid;

/** The thresholds the formulas use, from values read (the defaults while they are not usable: the row says 输入有误). */
export const thresholdsOf = (th: ThresholdValues): PaceThresholds => (validThresholds(th) ? th : PACE);

/**
 * What the 输入检查 formula shows for these cell values (as read back: number formats aside), e.g. for the results
 * stored beside the formulas of a written file.
 */
export function sheetCheck(
  t: CatalogTarget,
  actual: CellValue | undefined,
  baseline: CellValue,
  year: CellValue,
  yearly: YearlyValues = new Map(),
  thresholds: ThresholdValues = PACE,
): string {
  const blank = (v: CellValue) => v === null || v === "";
  const { min, max } = inputRange(t.kind, t.unit);
  const one = (v: CellValue, label: string) => {
    const m = inputMessages(label, t);
    if (typeof v === "number") return v < min || v > max ? m.range : "";
    return blank(v) ? "" : m.notNumber;
  };
  const y =
    typeof year === "number"
      ? isYear(year)
        ? ""
        : YEAR_MESSAGES.range
      : blank(year)
        ? ""
        : YEAR_MESSAGES.notNumber;
  const history = [...yearly.keys()]
    .sort((p, q) => p - q)
    .map((yr) => one(yearly.get(yr) ?? null, historyTitle(yr)))
    .join("");
  const typed = actual === undefined ? "" : one(actual, "实际值");
  const th = thresholdProblem(thresholds);
  return y + th + typed + history + (needsBaselineInput(t) ? one(baseline, "基期值") : "");
}

/**
 * A row's yearly actuals as read (year → cell value). With them, `actual` undefined means the 实际值 cell holds
 * the formula that picks the 评估年份's value; any other value is what was typed over it, which the row uses.
 */
export type YearlyValues = ReadonlyMap<number, CellValue>;

/** The 实际值 the row's formulas use: the one typed over the picking formula, else the 评估年份's yearly value. */
export function actualUsed(actual: CellValue | undefined, year: CellValue, yearly: YearlyValues): CellValue {
  if (actual !== undefined) return actual;
  return typeof year === "number" ? (yearly.get(Math.trunc(year)) ?? null) : null;
}

export type FormulaKey =
  | "actual"
  | "check"
  | "elapsed"
  | "expected"
  | "completion"
  | "variance"
  | "requiredRate"
  | "status"
  | "forecast"
  | "outlook";

/**
 * The row's formulas, in the order the methodology computes (see methodology.ts). 输入检查 comes first: while it
 * says anything, every derived cell is blank and 状态 is 输入有误 (the functions answer #VALUE!).
 */
export function rowFormulas(t: CatalogTarget, r: number, years: number[]): Record<FormulaKey, string> {
  const c = (k: ColumnKey) => `${COL[k]}${r}`;
  const [B, T, t0, V, A, tau, C, E, X, F] = [
    c("baseline"),
    c("targetYear"),
    c("baseYear"),
    c("target"),
    c("actual"),
    c("elapsed"),
    c("completion"),
    c("expected"),
    c("check"),
    c("forecast"),
  ];
  const rateLike = isRateLike(t.kind);
  const milestone = isMilestone(t.kind);
  const lower = t.direction === "lower";
  const tol =
    t.comparison === "about"
      ? lower
        ? `*(1+${ABOUT_TOLERANCE})+${EPSILON}`
        : `*(1-${ABOUT_TOLERANCE})-${EPSILON}`
      : "";
  const metBy = (x: string) => (lower ? `${x}<=${V}${tol}` : `${x}>=${V}${tol}`);
  const met = metBy(A);
  // methodology.assess: metAtBase (only read where B is a number).
  const metAtBase = metBy(B);
  // methodology.forecastMeets: the forecast gets FORECAST_SLACK × max(1, |V|) in the target's favour.
  const fSlack = `${FORECAST_SLACK}*MAX(1,ABS(${V}))`;
  const forecastMet = metBy(lower ? `(${F}-${fSlack})` : `(${F}+${fSlack})`);
  const unassessable = rateLike ? `OR(${A}="",${tau}="",${tau}=0)` : `OR(${A}="",${B}="",${tau}="",${tau}=0)`;
  const linear = `${B}+(${V}-${B})*${tau}`;
  // methodology.completionOf: on a geometric path ln(A/B)/ln(V/B) while A, B and V are positive.
  const linearC = `(${A}-${B})/(${V}-${B})`;
  const completionOf =
    t.indicatorDef.path === "geometric"
      ? `IF(AND(${A}>0,${B}>0,${V}>0),LN(${A}/${B})/LN(${V}/${B}),${linearC})`
      : linearC;
  const ok = (f: string) => `=IF(${X}<>"","",${f})`;
  // In the target year (τ = 1) the expected value is exactly V, as in methodology.expectedValue.
  const expected =
    rateLike || milestone
      ? `IF(${tau}="","",${V})`
      : t.indicatorDef.path === "geometric"
        ? `IF(OR(${B}="",${tau}=""),"",IF(${tau}=1,${V},IF(AND(${B}>0,${V}>0),${B}*(${V}/${B})^${tau},${linear})))`
        : `IF(OR(${B}="",${tau}=""),"",IF(${tau}=1,${V},${linear}))`;
  return {
    ...outlookFormulas(
      t,
      { A, B, T, t0, tau, X, F },
      forecastMet,
      outlookCompletesEarly(t.kind, t.attribute === BINDING) ? met : `AND(${met},${Y}>=${T})`,
    ),
    actual: pickActual(t, r, years),
    // 实际值 is checked too: something may be typed over its formula (which itself gives only clean values).
    check:
      `=${yearCheck}&${thresholdCheck}&${inputCheck(A, "实际值", t)}&${historyCheck(t, r, years)}` +
      (needsBaselineInput(t) ? `&${inputCheck(B, "基期值", t)}` : ""),
    // Blank before the base year: nothing of the plan has elapsed to assess (methodology.elapsedShare).
    elapsed: ok(`IF(OR(${Y}="",${t0}=""),"",IF(${Y}<${t0},"",MIN((${Y}-${t0})/(${T}-${t0}),1)))`),
    expected: ok(expected),
    completion: ok(
      rateLike
        ? `IF(OR(${A}="",${tau}="",${V}=0),"",${A}/${V})`
        : `IF(OR(${A}="",${B}="",${tau}="",${V}=${B}),"",IF(${metAtBase},"",${completionOf}))`,
    ),
    variance: ok(`IF(OR(${A}="",${E}=""),"",${lower ? `-(${A}-${E})` : `${A}-${E}`})`),
    // None once met or from the target year on (methodology: requiredRate).
    requiredRate:
      t.kind === "growth_rate"
        ? ok(
            // OR evaluates every argument: the arithmetic on A waits for the blank checks (""/100 is #VALUE!).
            `IF(OR(${A}="",${tau}="",${tau}=0,${Y}>=${T}),"",IF(OR(1+${A}/100<=0,1+${V}/100<=0),"",` +
              `((1+${V}/100)^(${T}-${t0})/(1+${A}/100)^(${Y}-${t0}))^(1/(${T}-${Y}))-1))`,
          )
        : rateLike || milestone || isTotalCap(t.kind, t.direction)
          ? ""
          : requiredUnit(t.kind, t.unit) === "rate"
            ? ok(
                `IF(OR(${A}="",${tau}="",${Y}>=${T},${A}<=0,${V}<=0,${met}),"",(${V}/${A})^(1/(${T}-${Y}))-1)`,
              )
            : // methodology.requiredAnnualChange: points a year for a share, an amount a year for a cumulative target.
              ok(`IF(OR(${A}="",${tau}="",${Y}>=${T},${met}),"",(${V}-${A})/(${T}-${Y}))`),
    status: statusFormula(t, { A, V, C, tau, X, T }, unassessable, met, metAtBase),
  };
}

/**
 * 状态, as methodology.assess decides it: 输入有误 while 输入检查 says anything, 无法评估, then from the target year on
 * met or not; before it, a 约束性 target by its limit, then by kind (perYearStatus for a per-year target; a target
 * that cannot complete early goes by pace), against the sheet's own thresholds.
 */
function statusFormula(
  t: CatalogTarget,
  c: Record<"A" | "V" | "C" | "tau" | "X" | "T", string>,
  unassessable: string,
  met: string,
  metAtBase: string,
): string {
  const { C, tau, X, T } = c;
  const P = isRateLike(t.kind) ? C : `${C}/${tau}`;
  // The sheet's own thresholds (title block), less the slack as methodology.slack.
  const atLeast = (k: keyof PaceThresholds) => `(${thresholdRef(k)}-${EPSILON})`;
  const byPace =
    `IF(${P}>=${atLeast("ahead")},"${STATUS.ahead}",IF(${P}>=${atLeast("onTrack")},"${STATUS.onTrack}",` +
    `IF(${P}>=${atLeast("behind")},"${STATUS.behind}",IF(${P}>=${slack(PACE.farBehind)},"${STATUS.farBehind}",` +
    `"${STATUS.regressing}"))))`;
  const byPacePart = `IF(${C}="","${STATUS.unassessable}",${byPace})`;
  // methodology.isRateCeiling: within the ceiling 符合预期, above it by V/A (A > V > 0 there).
  const ceilingPace = `${c.V}/${c.A}`;
  const byKind = isRateCeiling(t.kind, t.direction, t.threshold)
    ? `IF(${met},"${STATUS.onTrack}",IF(${C}="","${STATUS.unassessable}",` +
      `IF(${ceilingPace}>=${atLeast("behind")},"${STATUS.behind}","${STATUS.farBehind}")))`
    : t.kind === "per_year"
      ? `IF(${met},"${STATUS.onTrack}",IF(${C}="","${STATUS.unassessable}",` +
        `IF(${P}>=${atLeast("behind")},"${STATUS.behind}",${byPace})))`
      : isMilestone(t.kind)
        ? `IF(${met},"${STATUS.achieved}","${STATUS.pending}")`
        : completesEarly(t.kind)
          ? `IF(${met},"${STATUS.achieved}",IF(${metAtBase},"${STATUS.regressing}",${byPacePart}))`
          : byPacePart;
  // A 约束性 target says first whether its limit is kept (methodology.bindingStatus).
  const beforeTarget = t.attribute === BINDING ? bindingFormula(t.kind, met, metAtBase, byKind) : byKind;
  return (
    `=IF(${X}<>"","${INPUT_ERROR}",IF(${unassessable},"${STATUS.unassessable}",` +
    `IF(${Y}>=${T},IF(${met},"${STATUS.achieved}","${STATUS.missed}"),${beforeTarget})))`
  );
}

/**
 * methodology.bindingStatus as a formula: 守住约束 while `met`; 突破约束 when `metAtBase` (or any year of a per-year
 * limit) is not met; else the kind's own rule `byKind`.
 */
function bindingFormula(kind: TargetKind, met: string, metAtBase: string, byKind: string): string {
  if (kind === "growth_rate" || isMilestone(kind)) return byKind;
  const broken = kind === "per_year" ? `"${STATUS.broken}"` : `IF(${metAtBase},"${STATUS.broken}",${byKind})`;
  return `IF(${met},"${STATUS.kept}",${broken})`;
}

/**
 * Excel refuses a formula over 8,192 characters. A check naming each bad year takes about 200 characters a year,
 * so a block of more years than this budget allows (a plan from 1990 to 2100 has 110) is checked as a whole.
 * The budget leaves room for references that grow when a refresh maps them to rows and columns further out.
 */
export const MAX_FORMULA_LENGTH = 8192;
const NAMED_CHECK_BUDGET = 6000;

/**
 * The history block's part of 输入检查: each year's check by name (2022年实际值应为数字…) while they fit the
 * budget; otherwise one check of the whole block by counts over the range, which every host computes without
 * array evaluation: cells neither blank nor numbers (text, TRUE/FALSE, errors), and numbers out of range. Two
 * hosts differ there, and only there: LibreOffice counts TRUE/FALSE as the numbers 1/0, and HyperFormula a ""
 * formula result as not blank.
 */
function historyCheck(t: CatalogTarget, r: number, years: number[]): string {
  if (years.length === 0) return `""`;
  const named = years
    .map((y, i) => inputCheck(`${colLetter(HISTORY_FIRST_COL + i)}${r}`, historyTitle(y), t))
    .join("&");
  if (named.length <= NAMED_CHECK_BUDGET) return named;
  const { min, max } = inputRange(t.kind, t.unit);
  const block = `${colLetter(HISTORY_FIRST_COL)}${r}:${colLetter(HISTORY_FIRST_COL + years.length - 1)}${r}`;
  const notNumbers = `COLUMNS(${block})-COUNTBLANK(${block})-COUNT(${block})`;
  const outside = `COUNTIF(${block},"<${lit(min)}")+COUNTIF(${block},">${lit(max)}")`;
  const message =
    `${years[0]}–${years[years.length - 1]}年实际值应为${rangeWords(min, max)}的数字,不带单位、千位分隔符或文字:` +
    `请检查表格右侧各年实际值中不符合的单元格。`;
  return `IF(${notNumbers}+${outside}>0,"${message}","")`;
}

/**
 * 实际值: the 评估年份's cell of the history block (INDEX over the row's year cells). Blank when the year is not a
 * number or outside the block, and when the cell is blank (INDEX of a blank cell gives 0: a wrong actual) or not a
 * number in the row's range: that cell's own check in 输入检查 says why, so 实际值's check stays silent.
 */
function pickActual(t: CatalogTarget, r: number, years: number[]): string {
  if (years.length === 0) return "";
  const { min, max } = inputRange(t.kind, t.unit);
  const range = `${colLetter(HISTORY_FIRST_COL)}${r}:${colLetter(HISTORY_FIRST_COL + years.length - 1)}${r}`;
  const v = `INDEX(${range},1,${Y}-${years[0] - 1})`;
  const clean = `IF(ISLOGICAL(${v}),"",IF(ISNUMBER(${v}),IF(OR(${v}<${lit(min)},${v}>${lit(max)}),"",${v}),""))`;
  return `=IF(ISNUMBER(${Y}),IF(AND(${Y}>=${years[0]},${Y}<=${years[years.length - 1]}),${clean},""),"")`;
}

/**
 * The expected value of a row in a given year (the methodology's expectedValue at τ = (y − t0)/(T − t0)): the
 * expected path a trend chart draws. `c` are the row's cells as this sheet has them, `year` a cell holding the
 * year. #N/A (a gap in an Excel line chart) where the path needs a baseline the row lacks.
 */
export function expectedPathFormula(
  t: CatalogTarget,
  c: Record<"B" | "V" | "t0" | "T", string>,
  year: string,
): string {
  const { B, V, t0, T } = c;
  if (isRateLike(t.kind) || isMilestone(t.kind)) return `=${V}`;
  const tau = `(${year}-${t0})/(${T}-${t0})`;
  const linear = `${B}+(${V}-${B})*${tau}`;
  const path =
    t.indicatorDef.path === "geometric"
      ? `IF(AND(${B}>0,${V}>0),${B}*(${V}/${B})^(${tau}),${linear})`
      : linear;
  return `=IF(NOT(ISNUMBER(${B})),NA(),IF(${year}>=${T},${V},${path}))`;
}

/** Is this (as read back) the formula pickActual writes? A refresh rewrites it; anything else is the user's. */
export const isPickFormula = (f: string) =>
  /^=IF\(ISNUMBER\(\$?[A-Z]+\$?\d+\),IF\(AND\(.*INDEX\(\$?[A-Z]+\$?\d+:\$?[A-Z]+\$?\d+,1,/i.test(
    f.replace(/\s+/g, ""),
  );

/**
 * 趋势判断 where there is no forecast: 无法评估 and why, as reasons.unassessableReasons says (the year, then each
 * missing input): "无法评估(缺基期值、缺实际值)". A rate has no baseline to miss; a milestone's is 0.
 */
function unassessableText(t: CatalogTarget, A: string, B: string, t0: string): string {
  const w = (r: UnassessableReason) => formulaText(UNASSESSABLE[r].label);
  const missA = `IF(${A}="",${formulaText(`、${UNASSESSABLE.noActual.label}`)},"")`;
  const missB = `IF(${B}="",${formulaText(`、${UNASSESSABLE.noBaseline.label}`)},"")`;
  const hasBaseline = !isRateLike(t.kind) && impliedBaseline(t.kind) === null;
  const missing = hasBaseline
    ? `IF(AND(${A}<>"",${B}<>""),${w("noPace")},MID(${missA}&${missB},2,99))`
    : `IF(${A}<>"",${w("noPace")},MID(${missA},2,99))`;
  const why =
    `IF(NOT(ISNUMBER(${Y})),${w("noYear")},IF(${Y}<${t0},${w("beforeBase")},` +
    `IF(${Y}=${t0},${w("atBase")},${missing})))`;
  return `${formulaText(`${OUTLOOK.unassessable}(`)}&${why}&")"`;
}

/**
 * 预计目标年值 and 趋势判断 (methodology.forecastValue, outlookOf): blank, and 无法评估, where there is no actual, no
 * needed baseline or no pace yet (τ blank or 0, i.e. t ≤ t0); the actual from the target year on; else the
 * extrapolation, clamped to the row's range.
 */
function outlookFormulas(
  t: CatalogTarget,
  c: Record<"A" | "B" | "T" | "t0" | "tau" | "X" | "F", string>,
  forecastMet: string,
  met: string,
): Record<"forecast" | "outlook", string> {
  const { A, B, T, t0, tau, X, F } = c;
  const { min, max } = inputRange(t.kind, t.unit);
  const linear = `${A}+(${A}-${B})/(${Y}-${t0})*(${T}-${Y})`;
  const raw =
    t.indicatorDef.path === "geometric"
      ? `IF(AND(${A}>0,${B}>0),${A}*(${A}/${B})^((${T}-${Y})/(${Y}-${t0})),${linear})`
      : linear;
  const forecast =
    isRateLike(t.kind) || isMilestone(t.kind)
      ? `IF(OR(${A}="",${tau}="",${tau}=0),"",${A})`
      : `IF(OR(${A}="",${B}="",${tau}="",${tau}=0),"",IF(${Y}>=${T},${A},MIN(MAX(${raw},${lit(min)}),${lit(max)})))`;
  return {
    forecast: `=IF(${X}<>"","",${forecast})`,
    outlook:
      `=IF(${X}<>"",${formulaText(INPUT_ERROR)},IF(${F}="",${unassessableText(t, A, B, t0)},IF(${met},${formulaText(OUTLOOK.achieved)},` +
      `IF(${forecastMet},${formulaText(OUTLOOK.likely)},${formulaText(OUTLOOK.unlikely)}))))`,
  };
}

/**
 * The 状态 a row's formulas show for these cell values (as read back; a percent- or date-typed number is the
 * number stored, as in the sheet): 输入有误 where 输入检查 says anything, else the methodology's.
 */
export function sheetStatus(
  t: CatalogTarget,
  actual: CellValue | undefined,
  baseline: CellValue,
  year: CellValue,
  yearly: YearlyValues = new Map(),
  thresholds: ThresholdValues = PACE,
): SheetStatus {
  if (sheetCheck(t, actual, baseline, year, yearly, thresholds) !== "") return INPUT_ERROR;
  if (typeof year !== "number") return STATUS.unassessable;
  const a = num(actualUsed(actual, year, yearly));
  const input = progressInputFor(t, a, year, needsBaselineInput(t) ? num(baseline) : null);
  return assess(input, thresholdsOf(thresholds)).status;
}
const num = (v: CellValue) => (typeof v === "number" ? v : null);

/** What 预计目标年值 and 趋势判断 show for these cell values (as sheetStatus: 输入有误 and a blank forecast). */
export function sheetOutlook(
  t: CatalogTarget,
  actual: CellValue | undefined,
  baseline: CellValue,
  year: CellValue,
  yearly: YearlyValues = new Map(),
  thresholds: ThresholdValues = PACE,
): { forecast: number | null; outlook: OutlookSaid | typeof INPUT_ERROR } {
  if (sheetCheck(t, actual, baseline, year, yearly, thresholds) !== "")
    return { forecast: null, outlook: INPUT_ERROR };
  if (typeof year !== "number") return { forecast: null, outlook: unassessableOutlook(["noYear"]) };
  const a = num(actualUsed(actual, year, yearly));
  const input = progressInputFor(t, a, year, needsBaselineInput(t) ? num(baseline) : null);
  return outlookSaid(input, inputRange(t.kind, t.unit));
}

/** Data validation of an actual or typed baseline: the row's range, with messages in its unit. */
function valueValidation(t: CatalogTarget, label: string): InputValidation {
  const { min, max } = inputRange(t.kind, t.unit);
  const how =
    t.unit === "%"
      ? `按百分数填写,如 2.1 表示 2.1%,不要输入百分号`
      : `填数字(单位:${unitLabel(t)}),不带单位或文字`;
  return {
    type: "decimal",
    min,
    max,
    prompt: { title: label, text: `${how};应${rangeWords(min, max)}。` },
    error: { title: "输入有误", text: `${label}应为${rangeWords(min, max)}的数字。${how}。` },
  };
}

/** The 评估年份 may be any year of the plan, from its base year to its last target year. */
export function yearValidation(plan: PlanInfo, targets: CatalogTarget[]): InputValidation {
  const span = assessmentSpan(plan, targets);
  const { min, max } = span;
  return {
    type: "whole",
    min,
    max,
    prompt: { title: "评估年份", text: `实际值所属的年份,${min}–${max} 之间的四位整数。` },
    error: {
      title: "输入有误",
      text: `评估年份应在${assessmentSpanWords(span)},如 ${Math.min(max, min + 3)}。`,
    },
  };
}

/** The unit shown in the sheet: a multiple is an index with the base year = 1. */
const unitLabel = (t: CatalogTarget) => (t.kind === "multiple" ? "倍(基期=1)" : t.unit);

function dataRow(t: CatalogTarget, seq: number, r: number, decimals: number, years: number[]): LayoutCell[] {
  const f = rowFormulas(t, r, years);
  // The kind's baseline first, as methodology.assess: a cumulative target counts from 0 and a multiple from 1 even
  // where the plan (or a pack) states a base-year figure beside it.
  const baseline = impliedBaseline(t.kind) ?? t.baselineObs?.value ?? null;
  const fmt = unitFormat(t.unit, decimals);
  const derived = (formula: string, numFmt?: string): LayoutCell => ({ formula, style: "derived", numFmt });
  const cells: Record<ColumnKey, LayoutCell> = {
    seq: { value: seq, style: "number", numFmt: "0" },
    indicator: { value: nameFor(t), style: "text" }, // a name that resolves (每年新增…)
    subject: { value: subjectOf(t), style: "text" },
    unit: { value: unitLabel(t), style: "text" },
    baseYear: { value: t.baseYear ?? t.plan.baseYear, style: "number", numFmt: "0" },
    baseline: needsBaselineInput(t)
      ? { value: null, style: "input", numFmt: INPUT_FORMAT, validation: valueValidation(t, "基期值") }
      : isRateLike(t.kind)
        ? { value: null, style: "text" }
        : { value: baseline, style: "number", numFmt: fmt },
    targetYear: { value: t.targetYear, style: "number", numFmt: "0" },
    target: { value: t.threshold, style: "number", numFmt: fmt },
    kind: { value: kindText(t), style: "text" },
    // The 评估年份's yearly value, shown as the target is (2.10%, 470 家): the yearly cells are where actuals are
    // typed (General, so a typed "2.1%" shows the pane its format). A "2.1%" typed over this cell keeps its format
    // and shows 0.0%, a visible mismatch (docs/hosts.md).
    actual: {
      formula: f.actual,
      style: "derived",
      numFmt: fmt,
      validation: valueValidation(t, "实际值"),
    },
    elapsed: derived(f.elapsed, PCT),
    completion: derived(f.completion, PCT),
    // At the plan's decimals (23 家, not 22.5 家); the cell keeps the exact value.
    expected: derived(f.expected, fmt),
    variance: derived(f.variance, t.unit === "%" ? pointsFormat(decimals) : fmt),
    // In the target's own terms: 0.0% a rate, 0.20个百分点/年 a share, 0.10万人/年 a cumulative target.
    requiredRate: f.requiredRate
      ? derived(f.requiredRate, requiredFormat(t.kind, t.unit))
      : { value: null, style: "derived" },
    status: derived(f.status),
    forecast: derived(f.forecast, fmt),
    // Text that may carry its reasons (无法评估(缺实际值、缺基期值)): wrapped in its column, not cut.
    outlook: { formula: f.outlook, style: "text" },
    check: { formula: f.check, style: "quote" },
    source: { value: citationOf(t), style: "quote" },
    note: { value: null, style: "input" },
    id: { value: t.id, style: "hidden" },
    seed: { value: seedOf(t), style: "hidden" },
  };
  const history = years.map((y): LayoutCell => ({
    value: null,
    style: "input",
    numFmt: INPUT_FORMAT,
    validation: valueValidation(t, historyTitle(y)),
  }));
  return [...COLUMNS.map((c) => cells[c.key]), ...history];
}

/** The history block's years: after the base year (its value is the 基期值) through the last target year. */
export function historyYears(plan: PlanInfo, targets: CatalogTarget[]): number[] {
  const first = Math.min(plan.baseYear, ...targets.map((t) => t.baseYear ?? plan.baseYear)) + 1;
  const last = Math.max(plan.period.end, ...targets.map((t) => t.targetYear));
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
}

/**
 * Decimals per unit over a plan's figures: every row of a unit shows the same decimals, enough for the plan's
 * own figures (2.96件, 0.5万人) and never fewer than the unit's minimum.
 */
export function unitDecimals(targets: CatalogTarget[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of targets) {
    const d = Math.max(
      decimalsOf(t.threshold),
      decimalsOf(t.baselineObs?.value ?? null),
      MIN_DECIMALS[t.unit] ?? 0,
    );
    out.set(t.unit, Math.max(out.get(t.unit) ?? 0, d));
  }
  return out;
}

/** Decimal places of a figure as written (2.96 → 2); null → 0. */
function decimalsOf(x: number | null): number {
  if (x === null || Number.isInteger(x)) return 0;
  return Math.min(String(x).split(".")[1]?.length ?? 0, 4);
}

const blankRow = (years: number[]): LayoutCell[] => [...COLUMNS, ...years].map(() => ({}));

export interface LayoutOptions {
  year: number;
  /** Override the data version written into the sheet (default: the catalog's). */
  dataVersion?: string;
  /** The pace thresholds to write into the title block (default: PACE); must pass validThresholds. */
  thresholds?: PaceThresholds;
}

/** Compute the progress sheet of one plan. */
export function buildProgressSheet(
  catalog: Catalog,
  planId: string,
  opts: LayoutOptions,
): ProgressSheetLayout {
  const plan = catalog.planById(planId);
  if (!plan) throw new Error(coreMessage({ reason: "unknownPlan", planId }));
  const region = catalog.regionById.get(plan.region)!;
  const targets = planTargets(catalog, planId);
  const dataVersion = opts.dataVersion ?? catalog.version;
  const thresholds = opts.thresholds ?? PACE;
  const last = SHEET.firstDataRow + targets.length - 1;
  const lastCol = COL.note; // merges end before the hidden columns
  // Print through 趋势判断: 出处 (long quotes) and 备注 stay on screen, so A4 landscape prints at a legible size.
  const lastPrinted = COL.outlook;
  const statusRange = `${COL.status}${SHEET.firstDataRow}:${COL.status}${last}`;

  const years = historyYears(plan, targets);
  const blank = () => blankRow(years);
  const rows: LayoutCell[][] = [];
  // Row 1: title. Row 2: region, period, source. Row 3: 评估年份 (input) and status counts. Row 4: data version.
  const title = blank();
  title[0] = { value: `${plan.title} 目标完成进度表`, style: "title" };
  rows.push(title);
  const r2 = blank();
  r2[0] = { value: "地区", style: "meta" };
  r2[1] = { value: regionDisplayName(region), style: "text" };
  r2[3] = { value: "规划", style: "meta" };
  r2[4] = {
    value: `${planCitation(plan)}(规划期${plan.period.start}-${plan.period.end},基期${plan.baseYear}年)`,
    style: "text",
  };
  rows.push(r2);
  const r3 = blank();
  r3[0] = { value: "评估年份", style: "meta" };
  r3[2] = { value: opts.year, style: "metaInput", numFmt: "0", validation: yearValidation(plan, targets) };
  thresholdCells(r3, thresholds);
  rows.push(r3);
  const r4 = blank();
  r4[0] = { value: "数据版本", style: "meta" };
  // The edition people read; the hash (for support) is in the hidden id column.
  r4[2] = { value: `${DATA_EDITION} 版`, style: "text" };
  r4[3] = { value: "说明", style: "meta" };
  r4[4] = {
    value:
      "黄色单元格为填写项(表格右侧的各年实际值、缺少的基期值、备注、评估年份、进度比分档下限);“实际值”列取评估年份当年的实际值(直接在该列填写的数以所填为准);其余各列由标准公式计算,不依赖加载项。百分比按百分数填写(2.5 表示 2.5%,不输入百分号);年均增速类实际值填实际年均增速;倍数类填实际水平与基期水平之比。输入不是合理数值时,状态为“输入有误”,原因见“输入检查”列。" +
      methodNote(targets) +
      statusNote(targets, `第${SHEET.yearRow}行`),
    style: "text",
  };
  rows.push(r4);
  // Row 5: status counts, computed by COUNTIF over the status column: (label, count) pairs from column B.
  const r5 = blank();
  r5[0] = { value: "状态统计", style: "meta" };
  SHEET_STATUS_ORDER.forEach((s, i) => {
    const col = COUNTS_FIRST_COL + i * 2;
    r5[col] = { value: s, style: "meta" };
    r5[col + 1] = { formula: `=COUNTIF(${statusRange},${formulaText(s)})`, style: "number", numFmt: "0" };
  });
  rows.push(r5);
  const columns: LayoutColumn[] = [
    ...COLUMNS,
    ...years.map((y) => ({ key: yearKey(y), title: historyTitle(y), width: HISTORY_WIDTH, input: true })),
  ];
  rows.push(columns.map((c) => ({ value: c.title, style: "header" as StyleName })));
  const decimals = unitDecimals(targets);
  targets.forEach((t, i) =>
    rows.push(dataRow(t, i + 1, SHEET.firstDataRow + i, decimals.get(t.unit)!, years)),
  );

  // Marker, plan id and data version in the hidden id column, above the header.
  const idCol = COLUMNS.findIndex((c) => c.key === "id");
  rows[0][idCol] = { value: SHEET.marker, style: "hidden" };
  rows[1][idCol] = { value: plan.id, style: "hidden" };
  rows[2][idCol] = { value: dataVersion, style: "hidden" };

  const conditionalFormats: ConditionalFormat[] = Object.entries(STATUS_COLORS).map(([text, c]) => ({
    range: statusRange,
    rule: { type: "textEquals", text, fill: c.fill, font: c.font },
  }));
  const outlookRange = `${COL.outlook}${SHEET.firstDataRow}:${COL.outlook}${last}`;
  // 无法评估 is followed by its reasons there: "无法评估(缺实际值)".
  for (const [text, c] of Object.entries({ ...OUTLOOK_COLORS, [INPUT_ERROR]: STATUS_COLORS[INPUT_ERROR] }))
    conditionalFormats.push({
      range: outlookRange,
      rule: {
        type: text === OUTLOOK.unassessable ? "textBegins" : "textEquals",
        text,
        fill: c.fill,
        font: c.font,
      },
    });
  for (const k of ["elapsed", "completion"] as const)
    conditionalFormats.push({
      range: `${COL[k]}${SHEET.firstDataRow}:${COL[k]}${last}`,
      rule: { type: "dataBar", color: k === "elapsed" ? "D0D0D0" : "5B9BD5", min: 0, max: 1 },
    });

  return {
    sheetName: sheetNameFor(plan),
    planId: plan.id,
    regionId: region.id,
    dataVersion,
    year: opts.year,
    thresholds,
    columns,
    historyYears: years,
    rows,
    targetIds: targets.map((t) => t.id),
    merges: [`A1:${lastCol}1`, `E2:${lastCol}2`, `E4:${lastCol}4`],
    conditionalFormats,
    freeze: { rows: SHEET.headerRow, columns: 2 },
    autoFilter: `A${SHEET.headerRow}:${colLetter(columns.length - 1)}${last}`,
    print: {
      landscape: true,
      fitToWidth: 1,
      titleRows: `${SHEET.headerRow}:${SHEET.headerRow}`,
      area: `A1:${lastPrinted}${last}`,
      footer: PAGE_FOOTER,
    },
  };
}

/** Plans of a region whose period covers a year (the CLI's default set of sheets). */
export function plansCovering(catalog: Catalog, regionId: string, year: number): PlanInfo[] {
  return catalog.plans.filter((p) => p.region === regionId && p.period.start <= year && year <= p.period.end);
}
