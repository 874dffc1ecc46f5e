// How tall a row must be for its wrapped text: Excel and WPS do not autofit a row whose text sits in a merged
// range (the title block's 说明), so both writers — ExcelJS (xlsx-workbook.ts) and Office.js
// (office-workbook.ts) — set the height from this estimate. Imports nothing: the task pane bundles it.

/** The body font size of the progress sheet (pt). */
export const BODY_SIZE = 10;
/** One line of body text (pt). */
export const LINE_HEIGHT = 13.5;
/** Lines shown at most for a title-block note; the rest stays readable in the cell. */
const MAX_NOTE_LINES = 4;

/** Approximate display width in column-width units (CJK and full-width characters count double). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u3000-\u303f\u201c\u201d]/.test(
        ch,
      )
        ? 2
        : 1.05;
  return w;
}

/** Lines a wrapped text takes in a column of the given width, at a font size. */
export function linesFor(text: string, width: number, size: number): number {
  const usable = Math.max(width - 1, 1) * (BODY_SIZE / size) * 1.1;
  return text.split("\n").reduce((n, part) => n + Math.max(1, Math.ceil(displayWidth(part) / usable)), 0);
}

/** Height of a title-block row whose note wraps to `lines` lines (in body lines); undefined for one line. */
export function noteRowHeight(lines: number): number | undefined {
  return lines > 1 ? Math.min(Math.ceil(lines), MAX_NOTE_LINES) * LINE_HEIGHT + 4 : undefined;
}
