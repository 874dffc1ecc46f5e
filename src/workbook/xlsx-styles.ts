// The ExcelJS styles of our sheets, one table by layout style name (the progress sheet and the 上报 sheet both
// write from it), and the print-area form ExcelJS wants.
import type ExcelJS from "exceljs";
import { STYLE_FILLS, type StyleName } from "../core/sheet/layout";
import { BODY_SIZE } from "./text-fit";

export const FONT = "宋体";
const TITLE_FONT = "黑体";
export const argb = (rgb: string) => `FF${rgb}`;
export const solid = (rgb: string): ExcelJS.Fill => ({
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: argb(rgb) },
  bgColor: { argb: argb(rgb) },
});
const thin = (rgb: string): Partial<ExcelJS.Borders> => {
  const side: Partial<ExcelJS.Border> = { style: "thin", color: { argb: argb(rgb) } };
  return { top: side, left: side, bottom: side, right: side };
};
const GRID = thin("BFBFBF");

/** Cell styles by layout style name. */
export const STYLES: Record<StyleName, Partial<ExcelJS.Style>> = {
  title: {
    font: { name: TITLE_FONT, size: 16, bold: true, color: { argb: argb("1F4E79") } },
    fill: solid(STYLE_FILLS.title),
    alignment: { vertical: "middle", horizontal: "left" },
  },
  meta: { font: { name: FONT, size: BODY_SIZE, bold: true }, alignment: { vertical: "middle" } },
  metaInput: {
    font: { name: FONT, size: 11, bold: true },
    fill: solid(STYLE_FILLS.input),
    border: thin("BF9000"),
    alignment: { vertical: "middle", horizontal: "center" },
  },
  header: {
    font: { name: FONT, size: BODY_SIZE, bold: true, color: { argb: argb("FFFFFF") } },
    fill: solid(STYLE_FILLS.header),
    border: GRID,
    alignment: { vertical: "middle", horizontal: "center", wrapText: true },
  },
  text: {
    font: { name: FONT, size: BODY_SIZE },
    border: GRID,
    alignment: { vertical: "middle", wrapText: true },
  },
  number: {
    font: { name: FONT, size: BODY_SIZE },
    border: GRID,
    alignment: { vertical: "middle", horizontal: "right" },
  },
  input: {
    font: { name: FONT, size: BODY_SIZE },
    fill: solid(STYLE_FILLS.input),
    border: thin("BF9000"),
    alignment: { vertical: "middle", horizontal: "right" },
  },
  derived: {
    font: { name: FONT, size: BODY_SIZE },
    border: GRID,
    alignment: { vertical: "middle", horizontal: "right" },
  },
  quote: {
    font: { name: FONT, size: 9, color: { argb: argb("595959") } },
    border: GRID,
    alignment: { vertical: "middle", wrapText: true },
  },
  hidden: { font: { name: FONT, size: 8, color: { argb: argb("808080") } } },
};

/**
 * A print area as ExcelJS takes it to write it absolute: ExcelJS puts a "$" before each corner ("A1" → "$A1"), so
 * the rows get theirs here: "A1:R18" → "A$1:R$18" → "$A$1:$R$18" in the file.
 */
export const exceljsArea = (range: string) => range.replace(/\$/g, "").replace(/([A-Z]+)(\d+)/g, "$1$$$2");
