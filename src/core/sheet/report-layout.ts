// The 上报 sheet (the page a statistician prints, signs and sends) as plain data, next to the progress sheet it
// reads. Fixed texts (序号, 指标, 单位, 目标值 as the plan states it) are values; everything the statistician types
// or the progress sheet computes (基期值, 实际值, 序时进度, 完成进度, 差额, 状态, 备注) is a formula referencing the
// progress sheet's cell, so the 上报 sheet follows every edit there and is never out of date. Cells are found by
// column key (COL of layout.ts), so columns added to the progress sheet do not move them. No input colours, hints,
// hashes or seed paths: 出处 are footnotes in words, and the page ends with the 填报 lines.
import type { Catalog, CatalogTarget } from "../catalog/catalog";
import { citationOf, dataVersionLabel, describeTarget, regionDisplayName } from "../catalog/labels";
import {
  COL,
  PAGE_FOOTER,
  SHEET,
  THRESHOLD_CELLS,
  thresholdCell,
  thresholdLabel,
  type ColumnKey,
  type LayoutCell,
  type ProgressSheetLayout,
} from "./layout";
import { excelSheetName } from "./sheet-names";
import { methodNote, statusNote } from "./method-text";

export interface ReportColumn {
  title: string;
  width: number;
  /** The progress sheet's column this one reads; none for the fixed texts. */
  from?: ColumnKey;
}

/**
 * Widths sum to 110 units: LibreOffice renders a unit as ~7 pt, so the table fills A4 landscape (784 pt between the
 * margins) at 100 % and the text prints at its size (fit-to-width only guards against wider fonts). 差额 holds
 * -17.00个百分点 whole (at 12 units the preview cut even -7.00个百分点).
 */
export const REPORT_COLUMNS: ReportColumn[] = [
  { title: "序号", width: 4 },
  { title: "指标", width: 22 },
  { title: "单位", width: 6 },
  { title: "基期值", width: 8, from: "baseline" },
  { title: "目标值", width: 11 },
  { title: "实际值", width: 8, from: "actual" },
  { title: "序时进度", width: 8, from: "elapsed" },
  { title: "完成进度", width: 8, from: "completion" },
  { title: "差额", width: 15, from: "variance" },
  { title: "状态", width: 9, from: "status" },
  { title: "备注", width: 11, from: "note" },
];

export const REPORT = {
  titleRow: 1,
  infoRow: 2,
  headerRow: 3,
  firstDataRow: 4,
  /** Footer on every printed page (Excel header/footer codes: &P page, &N pages). */
  footer: PAGE_FOOTER,
  /** The signature lines, as printed (also what tests look for). */
  signLabels: ["填报单位", "填报人", "审核人", "填报日期"],
} as const;

export interface ReportSheetLayout {
  sheetName: string;
  /** The progress sheet every formula reads. */
  progressSheet: string;
  columns: ReportColumn[];
  /** Targets shown, in order (one table row each). */
  targetIds: string[];
  rows: LayoutCell[][];
  /** For each formula cell "row:col" (0-based), the progress sheet cell it shows (its cached result in files). */
  refs: Map<string, string>;
  merges: string[];
  print: {
    landscape: true;
    paper: "A4";
    fitToWidth: 1;
    titleRows: string;
    area: string;
    footer: string;
  };
}

/** The 上报 sheet name of a progress sheet, as Excel accepts it. */
export const reportSheetNameFor = (progressSheet: string) =>
  excelSheetName(`上报_${progressSheet.replace(/^进度_/, "")}`);

/** 'Sheet name'!A1, quoted as Excel wants it. */
const sheetRef = (sheet: string, cell: string) => `'${sheet.replace(/'/g, "''")}'!${cell}`;

const lastCol = String.fromCharCode(64 + REPORT_COLUMNS.length); // K
const span = (row: number, from = "A", to = lastCol) => `${from}${row}:${to}${row}`;
const empty = (): LayoutCell[] => REPORT_COLUMNS.map(() => ({}));

/** The 分档下限 row: each threshold's label (D:E, G:H, J) and value (F, I, K) columns, 0-based. */
const THRESHOLD_PLACES = [
  [3, 5],
  [6, 8],
  [9, 10],
] as const;

/**
 * The thresholds 状态 was graded by, as row `ri` of the page: the progress sheet's own cells (recorded in refs), so
 * the page says what its table used.
 */
function thresholdRow(
  src: string,
  colOf: (k: ColumnKey) => string,
  ri: number,
  refs: Map<string, string>,
): LayoutCell[] {
  const row = empty();
  row[0] = { value: "进度比分档下限:", style: "note" };
  THRESHOLD_CELLS.forEach((c, i) => {
    const [label, value] = THRESHOLD_PLACES[i];
    row[label] = { value: thresholdLabel(c.key), style: "note" };
    const ref = sheetRef(src, `$${colOf(c.value)}$${SHEET.yearRow}`);
    row[value] = { formula: `=IF(ISBLANK(${ref}),"",${ref})`, style: "note", numFmt: "0.00" };
    refs.set(`${ri}:${value}`, thresholdCell(c.key));
  });
  return row;
}

/** The indicator as a recipient reads it: with its subject when the target is an entity's. */
const indicatorText = (t: CatalogTarget) =>
  t.entity ? `${t.indicatorDef.name}(${t.entity})` : t.indicatorDef.name;

/**
 * Where the progress sheet's cells are, when it is not as the layout wrote it (the pane reads a sheet the user may
 * have rearranged): its name, each target's 1-based row (undefined: the row is gone, left out), each column's letter.
 */
export interface ProgressSheetPlace {
  sheetName: string;
  rowOf(targetId: string): number | undefined;
  colOf(key: ColumnKey): string;
}

/** A cell the 上报 sheet writes itself: 序号, 指标, 单位 (the progress sheet's unit text), 目标值 in words. */
function fixedCell(title: string, t: CatalogTarget, i: number, unitText: LayoutCell["value"]): LayoutCell {
  const fixed: Record<string, LayoutCell> = {
    序号: { value: i + 1, style: "number", numFmt: "0" },
    指标: { value: indicatorText(t), style: "text" },
    单位: { value: unitText ?? t.unit, style: "text" },
    目标值: { value: `${describeTarget(t)}${t.hedged ? "(力争)" : ""}`, style: "text" },
  };
  return fixed[title];
}

/** A cell that shows the progress sheet's: blank stays blank (a plain reference would read 0). */
function linkedCell(ref: string, from: ColumnKey, numFmt: string | undefined): LayoutCell {
  const words = from === "status" || from === "note";
  return {
    formula: `=IF(ISBLANK(${ref}),"",${ref})`,
    style: words ? "text" : "derived",
    numFmt: words || numFmt === "General" ? undefined : numFmt,
  };
}

/** The 填报 lines: two rows, two halves each. */
function addSignRows(rows: LayoutCell[][], merges: string[]) {
  const [unit, filler, reviewer, date] = REPORT.signLabels;
  for (const [left, right] of [
    [`${unit}(盖章):`, `${date}:        年    月    日`],
    [`${filler}:`, `${reviewer}:`],
  ]) {
    const row = empty();
    row[0] = { value: left, style: "meta" };
    row[5] = { value: right, style: "meta" };
    rows.push(row);
    merges.push(span(rows.length, "A", "E"), span(rows.length, "F", lastCol));
  }
}

/** Build the 上报 sheet of one progress sheet layout (at its written place unless told otherwise). */
export function buildReportSheet(
  catalog: Catalog,
  progress: ProgressSheetLayout,
  place?: ProgressSheetPlace,
): ReportSheetLayout {
  const plan = catalog.planById(progress.planId)!;
  const region = catalog.regionById.get(progress.regionId)!;
  const layoutRow = new Map(progress.targetIds.map((id, i) => [id, SHEET.firstDataRow + i]));
  const rowOf = place?.rowOf ?? ((id: string) => layoutRow.get(id));
  const colOf = place?.colOf ?? ((k: ColumnKey) => COL[k]);
  const targets = progress.targetIds
    .filter((id) => rowOf(id) !== undefined)
    .map((id) => catalog.targetById.get(id)!);
  const src = place?.sheetName ?? progress.sheetName;
  const refs = new Map<string, string>();
  const rows: LayoutCell[][] = [];
  /** The layout's cell (for its unit text and number format), by target and column. */
  const progressCell = (key: ColumnKey, id: string) =>
    progress.rows[layoutRow.get(id)! - 1][progress.columns.findIndex((c) => c.key === key)];

  const title = empty();
  title[0] = { value: `${plan.title}目标完成情况`, style: "title" };
  rows.push(title);
  const info = empty();
  const period = `规划期 ${plan.period.start}–${plan.period.end} 年,基期 ${plan.baseYear} 年`;
  info[0] = { value: `地区:${regionDisplayName(region)}    ${period}`, style: "meta" };
  // Over 序时进度 and 完成进度 (G2:H2): one 8-wide column cut the label, as I2 beside it holds the year.
  info[6] = { value: "评估年份:", style: "meta" };
  const yearAbs = `$${colOf("subject")}$${SHEET.yearRow}`; // the 评估年份 input (C3 as written)
  info[8] = {
    formula: `=IF(ISBLANK(${sheetRef(src, yearAbs)}),"",${sheetRef(src, yearAbs)})`,
    style: "meta",
    numFmt: '0"年"',
  };
  refs.set(`1:8`, SHEET.yearCell);
  rows.push(info);
  rows.push(REPORT_COLUMNS.map((c) => ({ value: c.title, style: "header" })));

  targets.forEach((t, i) => {
    const r = rowOf(t.id)!;
    const ri = rows.length;
    rows.push(
      REPORT_COLUMNS.map((c, ci): LayoutCell => {
        if (!c.from) return fixedCell(c.title, t, i, progressCell("unit", t.id).value);
        const at = `${colOf(c.from)}${r}`;
        refs.set(`${ri}:${ci}`, at);
        // 基期值 and 实际值 (General input cells on the progress sheet, so that a typed format shows) print in the
        // 目标值's format: one look per unit (2.10%).
        const from = c.from === "baseline" || c.from === "actual" ? "target" : c.from;
        return linkedCell(sheetRef(src, at), c.from, progressCell(from, t.id).numFmt);
      }),
    );
  });

  // Footnotes: 出处 of each row, in words (never below 10 pt on paper, unlike the progress sheet's 9 pt quotes).
  const merges = [span(1), span(2, "A", "F"), span(2, "G", "H")];
  const note = (value: string, style: LayoutCell["style"] = "note") => {
    const row = empty();
    row[0] = { value, style };
    rows.push(row);
    merges.push(span(rows.length));
  };
  rows.push(empty());
  note("出处(序号对应上表):", "meta");
  targets.forEach((t, i) => note(`${i + 1}. ${citationOf(t)}`));
  // Generated from the methodology for these rows (method-text.ts): it cannot contradict a row.
  const statusWords = statusNote(targets, "下行(取自进度表的设定)");
  note(`说明:${methodNote(targets)}${statusWords}${dataVersionLabel(catalog)}。`);
  if (statusWords) {
    rows.push(thresholdRow(src, colOf, rows.length, refs));
    merges.push(span(rows.length, "A", "C"), span(rows.length, "D", "E"), span(rows.length, "G", "H"));
  }
  rows.push(empty());

  addSignRows(rows, merges);

  return {
    sheetName: reportSheetNameFor(src),
    progressSheet: src,
    columns: REPORT_COLUMNS,
    targetIds: targets.map((t) => t.id),
    rows,
    refs,
    merges,
    print: {
      landscape: true,
      paper: "A4",
      fitToWidth: 1,
      titleRows: `${REPORT.headerRow}:${REPORT.headerRow}`,
      area: `A1:${lastCol}${rows.length}`,
      footer: REPORT.footer,
    },
  };
}
