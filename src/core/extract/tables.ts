// An indicator table pasted as text (主要指标表): a header row naming years (2025年 2030年) and 指标 / 单位,
// then one row per indicator, cells separated by tabs, "|" or spaces. Earlier year columns are baselines,
// the later ones targets.
import type { Comparison } from "../catalog/schema";
import { kindOf } from "./classify";
import { NUMBER, UNIT } from "./patterns";
import { isPast, type DocumentYears } from "./years";

export interface TableValue {
  /** Offsets of the row in the folded text (the quote is the whole row). */
  start: number;
  end: number;
  indicator: string;
  value: number | null;
  min: number | null;
  max: number | null;
  unit: string;
  year: number;
  baseline: boolean;
  comparison: Comparison;
  comparisonWord: string;
  kind: ReturnType<typeof kindOf>;
}

interface Cell {
  text: string;
}

interface Header {
  years: { col: number; year: number }[];
  unit: number;
  count: number;
  skip: Set<number>;
}

const YEAR_CELL = /^(?:(19|20)\d\d)\s*年?(?:\s*(?:目标值?|基期值?|预期值?|值|\(?[^\d]{0,4}\)?))?$/;
const UNIT_CELL = new RegExp(`^(?:${UNIT}|件/万人|人/万人|‰|%)$`);
const VALUE_CELL = new RegExp(
  String.raw`^(≥|>|＞|不低于|超过|大于)?\s*[\[〔(【]?\s*(${NUMBER})\s*(?:[-~—–]\s*(${NUMBER}))?\s*[\]〕)】]?\s*(%)?\s*(以上|左右)?$`,
);
const EMPTY_CELL = /^(?:[-—–/／…]+|无|暂无)$/;
const ATTRIBUTE = /^(?:预期性|约束性|属性|指标属性|序号|备注)$/;

/** Cells of a row; with tabs or "|" an empty cell keeps its column (a border "|" adds none). */
function cellsOf(line: string): Cell[] {
  const delimited = line.includes("|") || line.includes("\t");
  const parts = delimited
    ? line
        .trim()
        .replace(/^\||\|$/g, "")
        .split(/[|\t]/)
    : line.trim().split(/\s+/);
  const cells = parts.map((p) => ({ text: p.trim() }));
  return delimited ? cells : cells.filter((c) => c.text !== "");
}

function headerOf(cells: Cell[]): Header | null {
  const years = cells.flatMap((c, col) => {
    const m = YEAR_CELL.exec(c.text.replace(/\s+/g, ""));
    return m ? [{ col, year: Number(c.text.slice(0, 4)) }] : [];
  });
  const names = cells.some((c) => /指标|项目|名称/.test(c.text));
  if (!years.length || !names) return null;
  const skip = new Set(cells.flatMap((c, i) => (ATTRIBUTE.test(c.text) ? [i] : [])));
  return { years, unit: cells.findIndex((c) => /^单位$/.test(c.text)), count: cells.length, skip };
}

/** The header column of a row's cell: same index, or shifted by a leading 序号 the header lacks, or from the right. */
function columnOf(i: number, rowCount: number, h: Header): number {
  if (rowCount === h.count) return i;
  return i - (rowCount - h.count);
}

// A table copied from a PDF often comes one cell per line: the header's cells, then each row's, line by line.
const HEADER_LINE =
  /^(?:序号|指标|指标名称|项目|名称|单位|属性|指标属性|备注|类别|领域|(?:19|20)\d\d\s*年?.{0,6})$/;

interface Line {
  text: string;
  start: number;
  end: number;
}

function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let at = 0;
  for (const raw of text.split("\n")) {
    const lead = raw.length - raw.trimStart().length;
    out.push({ text: raw.trim(), start: at + lead, end: at + lead + raw.trim().length });
    at += raw.length + 1;
  }
  return out;
}

/** Tables laid out one cell per line. Rows are read while every cell falls where the header says. */
export function findStackedTables(
  text: string,
  doc: DocumentYears,
): { values: TableValue[]; rows: [number, number][] } {
  const values: TableValue[] = [];
  const rows: [number, number][] = [];
  const lines = linesOf(text).filter((l) => l.text !== "");
  for (let i = 0; i < lines.length; i++) {
    let k = 0;
    while (i + k < lines.length && HEADER_LINE.test(lines[i + k].text)) k++;
    const h = k >= 3 ? headerOf(lines.slice(i, i + k)) : null;
    if (!h) continue;
    rows.push([lines[i].start, lines[i + k - 1].end]);
    let r = i + k;
    for (; r + k <= lines.length; r += k) {
      const chunk = lines.slice(r, r + k);
      const found = rowValues(chunk, h, doc);
      if (!found.length) break;
      const span: [number, number] = [chunk[0].start, chunk[k - 1].end];
      rows.push(span);
      for (const v of found) values.push({ ...v, start: span[0], end: span[1] });
    }
    i = r - 1;
  }
  return { values, rows };
}

export function findTables(
  text: string,
  doc: DocumentYears,
): { values: TableValue[]; rows: [number, number][] } {
  const values: TableValue[] = [];
  const rows: [number, number][] = [];
  let header: Header | null = null;
  let at = 0;
  for (const line of text.split("\n")) {
    const start = at;
    at += line.length + 1;
    if (header && /^[\s|:\-—+]+$/.test(line)) continue; // a Markdown or box-drawing rule
    const cells = cellsOf(line);
    if (cells.filter((c) => c.text).length < 3) {
      header = null;
      continue;
    }
    // A row of tabs or "|" is never read as prose, parsed or not: its numbers are in columns, not sentences.
    const columned = (line.match(/\t|\|/g) ?? []).length >= 2;
    if (columned) rows.push(trimmedLine(text, start, start + line.length));
    const h = headerOf(cells);
    if (h) {
      header = h;
      if (!columned) rows.push([start, start + line.length]);
      continue;
    }
    if (!header) continue;
    const found = rowValues(cells, header, doc);
    if (!found.length) {
      header = null;
      continue;
    }
    const [s, e] = trimmedLine(text, start, start + line.length);
    if (!columned) rows.push([s, e]);
    for (const v of found) values.push({ ...v, start: s, end: e });
  }
  return { values, rows };
}

function trimmedLine(text: string, s: number, e: number): [number, number] {
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  return [s, e];
}

/** A row whose cells fall where the header says (a unit under 单位, numbers under the years); else none. */
function aligned(cells: Cell[], h: Header, yearCols: Map<number, number>): boolean {
  return cells.every((c, i) => {
    const col = columnOf(i, cells.length, h);
    const t = c.text.replace(/\s+/g, "");
    if (!t) return true;
    if (col === h.unit && h.unit >= 0) return UNIT_CELL.test(t);
    if (yearCols.has(col)) return VALUE_CELL.test(t) || EMPTY_CELL.test(t);
    return true;
  });
}

function rowValues(cells: Cell[], h: Header, doc: DocumentYears): Omit<TableValue, "start" | "end">[] {
  const yearCols = new Map(h.years.map((y) => [y.col, y.year]));
  const names: string[] = [];
  let unit = "";
  const amounts: { year: number; cell: string }[] = [];
  if (!aligned(cells, h, yearCols)) return [];
  cells.forEach((c, i) => {
    const col = columnOf(i, cells.length, h);
    if ((h.unit >= 0 && col === h.unit) || (UNIT_CELL.test(c.text) && !yearCols.has(col))) unit = c.text;
    else if (yearCols.has(col)) amounts.push({ year: yearCols.get(col)!, cell: c.text });
    else if (!h.skip.has(col) && !ATTRIBUTE.test(c.text) && /[\u4e00-\u9fff]/.test(c.text))
      names.push(c.text);
  });
  let indicator = names.join("");
  const bracket = /[(（]([^()（）]{1,6})[)）]$/.exec(indicator);
  if (bracket && UNIT_CELL.test(bracket[1])) {
    unit ||= bracket[1];
    indicator = indicator.slice(0, bracket.index);
  }
  if (!indicator || !unit) return [];
  const latest = Math.max(...h.years.map((y) => y.year));
  return amounts.flatMap(({ year, cell }) => {
    const v = VALUE_CELL.exec(cell.replace(/\s+/g, ""));
    if (!v || EMPTY_CELL.test(cell)) return [];
    const past =
      doc.lastPastYear !== null ? isPast({ at: 0, end: 0, year, target: false }, doc) : year < latest;
    return [valueOf(v, { indicator, unit: v[4] ?? unit, year, past })];
  });
}

function valueOf(
  v: RegExpExecArray,
  r: { indicator: string; unit: string; year: number; past: boolean },
): Omit<TableValue, "start" | "end"> {
  const [, before, a, b, , after] = v;
  const range = b !== undefined;
  const lo = Number(a.replace(/,/g, ""));
  const hi = range ? Number(b.replace(/,/g, "")) : null;
  const cumulative = /^[[〔【]/.test(v[0]) || /[\]〕】]$/.test(v[0]);
  const comparison: Comparison = range
    ? "range"
    : after === "以上" || before === "≥" || before === "不低于"
      ? "at_least"
      : after === "左右"
        ? "about"
        : before
          ? "more_than"
          : "reach";
  return {
    indicator: r.indicator,
    value: range ? null : lo,
    min: range ? Math.min(lo, hi!) : null,
    max: range ? Math.max(lo, hi!) : null,
    unit: r.unit,
    year: r.year,
    baseline: r.past,
    comparison,
    comparisonWord: before ?? after ?? "",
    // 〔40〕: a five-year plan's bracket for a total over the period.
    kind: cumulative ? "cumulative" : kindOf("", r.indicator, r.unit),
  };
}
