// The CSS look of one preview cell: fill, font and alignment as the workbook styles it (status colours included),
// and a data bar where a conditional format draws one.
import type { CSSProperties } from "react";
import type { PreviewCell } from "../workbook/memory-workbook";
import { STYLES } from "../workbook/workbook";

export function cellLook(cell: PreviewCell | undefined): CSSProperties {
  if (!cell) return {};
  const spec = cell.style ? STYLES[cell.style] : null;
  const css: CSSProperties = { color: `#${cell.font}` };
  if (cell.fill) css.backgroundColor = `#${cell.fill}`;
  if (cell.bold) css.fontWeight = 600;
  if (spec?.italic) css.fontStyle = "italic";
  // Excel points → CSS pixels, a little smaller than 4/3 so the columns keep Excel's proportions.
  if (spec) css.fontSize = `${Math.round(spec.size * 1.25)}px`;
  css.whiteSpace = spec?.wrap ? "normal" : "nowrap";
  if (spec && spec.align !== "General")
    css.textAlign = spec.align === "Left" ? "left" : spec.align === "Center" ? "center" : "right";
  else if (typeof cell.value === "number") css.textAlign = "right";
  if (cell.dataBar) {
    const pct = Math.round(cell.dataBar.fraction * 100);
    css.backgroundImage = `linear-gradient(to right, #${cell.dataBar.color}80 ${pct}%, transparent ${pct}%)`;
  }
  return css;
}
