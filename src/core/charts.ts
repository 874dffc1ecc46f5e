// Charts beside the progress sheet, as plain data (ranges on the sheet, a place, a title): the Office.js adapter
// creates them as native Excel charts, the preview draws them with Recharts. No Office here.
import { COL, COLUMNS, colLetter, SHEET } from "./layout";

export interface ChartSpec {
  /** Chart name in the workbook (Excel's chart.name), unique on the sheet. */
  name: string;
  kind: "bar";
  title: string;
  /** Header row and data rows of the series, one column each; the header cells name the series. */
  source: string;
  /** The category labels (one per data row). */
  categories: string;
  /** Top-left and bottom-right cells the chart covers. */
  from: string;
  to: string;
}

/** Charts start two columns right of the table (its last column is the hidden id column). */
const FIRST_CHART_COL = COLUMNS.length + 1;
const CHART_WIDTH_COLS = 10;

/**
 * 完成进度 against 序时进度 for every indicator: a clustered bar chart over the two adjacent columns, the indicator
 * names as categories; tall enough for one bar pair per row (about 1.5 sheet rows each).
 */
export function progressCharts(targetCount: number): ChartSpec[] {
  if (targetCount === 0) return [];
  const first = SHEET.firstDataRow;
  const last = first + targetCount - 1;
  const height = Math.max(16, Math.ceil(targetCount * 1.5) + 4);
  return [
    {
      name: "PLAN_完成进度对比",
      kind: "bar",
      title: "完成进度与序时进度",
      source: `${COL.elapsed}${SHEET.headerRow}:${COL.completion}${last}`,
      categories: `${COL.indicator}${first}:${COL.indicator}${last}`,
      from: `${colLetter(FIRST_CHART_COL)}${SHEET.headerRow}`,
      to: `${colLetter(FIRST_CHART_COL + CHART_WIDTH_COLS - 1)}${SHEET.headerRow + height}`,
    },
  ];
}
