// Text inside formulas. Pack and catalog text (units, names, titles) and our own messages enter a formula only
// through formulaText: a quote in a unit then stays text, and cannot close the literal and open a live HYPERLINK.

/**
 * Characters a cell cannot keep: C0 and C1 controls, the noncharacters U+FFFE and U+FFFF (invalid in the
 * workbook's XML) and lone surrogates. A surrogate pair (𠮷) is one character and stays.
 */
export const UNSAFE_CHARS =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Line breaks and tabs: a space, so words on two lines stay apart. */
const BREAKS = /[\t\n\v\f\r\u0085]+/g;

/** The text without what a cell cannot keep: breaks become one space, other unsafe characters are dropped. */
export const cellSafeText = (s: string) => s.replace(BREAKS, " ").replace(UNSAFE_CHARS, "");

/** Excel refuses a string constant longer than 255 characters inside a formula. */
const LITERAL_MAX = 255;

/**
 * The text as an Excel string expression: "…" with unsafe characters removed (cellSafeText), a quote as CHAR(34)
 * (HyperFormula, which runs the preview and the tests, does not read "" inside a literal; Excel and LibreOffice
 * read both), and text over 255 characters as "…"&"…" (cut between characters, never inside a surrogate pair).
 */
export function formulaText(s: string): string {
  const parts: string[] = [];
  let part = "";
  const flush = () => {
    if (part) parts.push(`"${part}"`);
    part = "";
  };
  for (const ch of cellSafeText(s)) {
    if (ch === '"') {
      flush();
      parts.push("CHAR(34)");
      continue;
    }
    if (part.length + ch.length > LITERAL_MAX) flush();
    part += ch;
  }
  flush();
  return parts.length ? parts.join("&") : '""';
}
