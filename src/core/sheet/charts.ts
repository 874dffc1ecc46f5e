// Charts beside the progress sheet, as plain data (ranges on the sheet, a place, a title): the Office.js adapter
// creates them as native Excel charts, the preview draws them with Recharts. No Office here.
import type { CatalogTarget } from "../catalog/catalog";
import { subjectOf } from "../catalog/labels";
import { nameFor } from "../resolve/matching";
import { isRateLike } from "../method/methodology";
import { COL, colLetter, expectedPathFormula, SHEET, type ColumnKey, type LayoutCell } from "./layout";

export interface ChartSpec {
  /** Chart name in the workbook (Excel's chart.name), unique on the sheet. */
  name: string;
  kind: "bar" | "line";
  title: string;
  /**
   * Bar: a header row and data rows, one column per series, the header cells naming them. Line: one row per
   * series, its first cell naming it.
   */
  source: string;
  /** The category labels: one per data row (bar), one per column after the name column (line). */
  categories: string;
  /** Top-left and bottom-right cells the chart covers. */
  from: string;
  to: string;
  /** A chart of this name already on the sheet is replaced (the trend chart, redrawn for another indicator). */
  replaces?: boolean;
}

const CHART_WIDTH_COLS = 10;
/** Charts start two columns right of the sheet's last column (the history block's last year). */
const firstChartCol = (columnCount: number) => columnCount + 1;

/**
 * 完成进度 against 序时进度 for every indicator: a clustered bar chart over the two adjacent columns, the indicator
 * names as categories; tall enough for one bar pair per row (about 1.5 sheet rows each).
 */
export function progressCharts(targetCount: number, columnCount: number): ChartSpec[] {
  if (targetCount === 0) return [];
  const first = SHEET.firstDataRow;
  const last = first + targetCount - 1;
  const height = Math.max(16, Math.ceil(targetCount * 1.5) + 4);
  const col = firstChartCol(columnCount);
  return [
    {
      name: "PLAN_完成进度对比",
      kind: "bar",
      title: "完成进度与序时进度",
      source: `${COL.elapsed}${SHEET.headerRow}:${COL.completion}${last}`,
      categories: `${COL.indicator}${first}:${COL.indicator}${last}`,
      from: `${colLetter(col)}${SHEET.headerRow}`,
      to: `${colLetter(col + CHART_WIDTH_COLS - 1)}${SHEET.headerRow + height}`,
    },
  ];
}

export const TREND_CHART = "PLAN_趋势图";
/** The chart data block: rows 2–5, above the header row, so rows inserted into the table never split it. */
const TREND_FIRST_ROW = 2;

/** Where a target's row and its cells are on this sheet (letters and 1-based row, as a refresh left them). */
export interface TrendPlace {
  row: number;
  col: (k: ColumnKey) => string;
  /** The history block's column of a year, if the sheet has it. */
  yearCol: (year: number) => string | undefined;
  /** 0-based column of the block's first cell (right of the sheet's last column). */
  blockCol: number;
}

export interface TrendChart {
  /** The chart data block, from (TREND_FIRST_ROW, blockCol): title, 年份, 实际值, 预期值 rows. */
  cells: LayoutCell[][];
  topLeft: { row: number; col: number };
  spec: ChartSpec;
}

/**
 * The line chart of one indicator: its yearly actuals against the expected path, base year to target year. The
 * chart reads a small block of formulas over the target's row (live: typing a yearly value moves the line): the
 * base year's actual is the 基期值, each later year's the history cell (#N/A, a gap, where blank), the expected
 * path the methodology's expected value of that year.
 */
export function trendChart(t: CatalogTarget, p: TrendPlace): TrendChart {
  const t0 = t.baseYear ?? t.plan.baseYear;
  const years = Array.from({ length: t.targetYear - t0 + 1 }, (_, i) => t0 + i);
  const r = p.row;
  const at = (k: ColumnKey) => `$${p.col(k)}$${r}`;
  const letter = (i: number) => colLetter(p.blockCol + 1 + i);
  const yearRow = TREND_FIRST_ROW + 1;
  const number = (ref: string) => `=IF(ISNUMBER(${ref}),${ref},NA())`;
  const cellOfYear = (y: number) => {
    if (y === t0) return isRateLike(t.kind) ? undefined : at("baseline");
    const c = p.yearCol(y);
    return c && `$${c}$${r}`;
  };
  const actual = (y: number): LayoutCell => {
    const ref = cellOfYear(y);
    return { formula: ref ? number(ref) : "=NA()", style: "derived" };
  };
  const refs = { B: at("baseline"), V: at("target"), t0: at("baseYear"), T: at("targetYear") };
  const label = `${nameFor(t)}(${subjectOf(t)},${t.unit})`;
  const cells: LayoutCell[][] = [
    [{ value: `趋势图数据:${label}。#N/A 表示该年未填写`, style: "meta" }],
    [{ value: "年份", style: "header" }, ...years.map((y): LayoutCell => ({ value: y, style: "header" }))],
    [{ value: "实际值", style: "meta" }, ...years.map(actual)],
    [
      { value: "预期值", style: "meta" },
      ...years.map((_, i): LayoutCell => ({
        formula: expectedPathFormula(t, refs, `${letter(i)}$${yearRow}`),
        style: "derived",
      })),
    ],
  ];
  const first = colLetter(p.blockCol);
  const last = letter(years.length - 1);
  const chartCol = p.blockCol + CHART_WIDTH_COLS + 1;
  return {
    cells,
    topLeft: { row: TREND_FIRST_ROW - 1, col: p.blockCol },
    spec: {
      name: TREND_CHART,
      kind: "line",
      title: `${label}:实际值与预期值`,
      source: `${first}${yearRow + 1}:${last}${yearRow + 2}`,
      categories: `${letter(0)}${yearRow}:${last}${yearRow}`,
      from: `${colLetter(chartCol)}${SHEET.headerRow}`,
      to: `${colLetter(chartCol + CHART_WIDTH_COLS - 1)}${SHEET.headerRow + 16}`,
      replaces: true,
    },
  };
}
