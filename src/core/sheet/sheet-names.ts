// Sheet names by Excel's rules, one function for the CLI's workbook and the pane: at most 31 characters, none of
// []:*?/\, not starting or ending with an apostrophe, and unique without regard to letter case (Excel refuses
// "进度_abc" beside "进度_ABC"; ExcelJS says "Worksheet name already exists").

export const SHEET_NAME_MAX = 31;
const FORBIDDEN = /[[\]:*?/\\]/g;

/** The name Excel accepts for this text: forbidden characters removed, cut to 31 (between code points). */
export function excelSheetName(raw: string, max = SHEET_NAME_MAX): string {
  const clean = raw.replace(FORBIDDEN, "").replace(/^'+|'+$/g, "");
  let out = "";
  for (const ch of clean) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out.replace(/'+$/, "") || "Sheet";
}

/** Excel's comparison of sheet names: letter case aside. */
export const sheetKey = (name: string) => name.toUpperCase();

/**
 * The Excel name for `raw` that no name in `taken` has (letter case aside): as it is, else with (2), (3) …,
 * the base shortened to keep 31 characters. The name is added to `taken` (keys by sheetKey).
 */
export function uniqueSheetName(raw: string, taken: Set<string>): string {
  const base = excelSheetName(raw);
  let name = base;
  for (let n = 2; taken.has(sheetKey(name)); n++) {
    const suffix = `(${n})`;
    name = excelSheetName(base, SHEET_NAME_MAX - suffix.length) + suffix;
  }
  taken.add(sheetKey(name));
  return name;
}
