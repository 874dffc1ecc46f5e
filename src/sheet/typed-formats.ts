// Inputs typed as a percent or a date, found from their number formats when the pane reads a progress sheet.
// The sheet's formulas cannot see a format: only CELL("format") can, which Excel on the web does not support
// and which is volatile. So "2.1%" typed into a yearly actual is computed as the number stored (0.021) there,
// and the pane names such cells after each refresh (docs/hosts.md: which check runs where).
import type { Catalog } from "../core/catalog/catalog";
import { nameFor } from "../core/resolve/matching";
import { historyTitle, needsBaselineInput, typedFormatMessage } from "../core/sheet/layout";
import { analyseSheet } from "./refresh";
import { a1, type CellValue, type SheetContent } from "../workbook/workbook";

/**
 * What typing gave a number format (Range.numberFormat, in Excel's invariant codes): "percent" for 0.00%, "date"
 * for a date or time (yyyy-mm-dd, m/d/yyyy, h:mm), else null. Quoted text ("%" in our 0.0"%"), escaped
 * characters, colours and locales ([Red], [$-804]) are not codes.
 */
export function typedFormatOf(format: CellValue | undefined): "percent" | "date" | null {
  if (typeof format !== "string") return null;
  const codes = format
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/[_*]./g, "")
    .replace(/\[[^\]]*\]/g, "");
  if (/^\s*general\s*$/i.test(codes)) return null;
  if (codes.includes("%")) return "percent";
  return /[ymdhs]/i.test(codes) ? "date" : null;
}

/**
 * The input cells of a progress sheet holding a number typed as a percent or a date, one message each
 * ("K9(研发经费投入强度):2022年实际值带百分号:…"): yearly actuals, a 实际值 typed over its formula, a typed
 * 基期值. Empty where the host gives no formats or the sheet is not ours.
 */
export function typedFormatWarnings(catalog: Catalog, content: SheetContent): string[] {
  const formats = content.numberFormats;
  const a = analyseSheet(content.values);
  if (!formats || !a || a.header < 0) return [];
  const out: string[] = [];
  for (const [id, row] of a.live) {
    const t = catalog.targetById.get(id);
    if (!t) continue;
    for (const [key, col] of a.cols) {
      const label = /^y\d{4}$/.test(key)
        ? historyTitle(Number(key.slice(1)))
        : key === "actual"
          ? "实际值"
          : key === "baseline" && needsBaselineInput(t)
            ? "基期值"
            : null;
      const typed = typedFormatOf(formats[row]?.[col]);
      if (label === null || typed === null || typeof content.values[row]?.[col] !== "number") continue;
      out.push(`${a1(row, col)}(${nameFor(t)}):${typedFormatMessage(t, label, typed)}`);
    }
  }
  return out;
}
