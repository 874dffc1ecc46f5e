// The extraction assistant: candidate targets in Chinese plan text, for a person to review. Rule-based and
// pure (no Office, Node or network), so the task pane runs the same code as `plan extract`.
import { candidatesInClauses } from "./build";
import { splitClauses } from "./clauses";
import { normalize, originalRange } from "./normalize";
import { findStackedTables, findTables, type TableValue } from "./tables";
import { documentYears } from "./years";
import type { Candidate } from "./candidate";

export type { Candidate } from "./candidate";

/** Candidate targets (and baselines) in plan text, in text order. */
export function extractCandidates(text: string): Candidate[] {
  const folded = normalize(text);
  const doc = documentYears(folded.text);
  const tables = bothTables(folded.text, doc);
  // The sentences are read with the table rows blanked out: a row's numbers are the table reader's.
  const prose = { ...folded, text: blank(folded.text, tables.rows) };
  const fromText = candidatesInClauses(text, prose, splitClauses(prose.text), doc);
  const fromTables = tables.values.map((v) => tableCandidate(text, folded, v));
  return [...fromText, ...fromTables].sort((a, b) => a.start - b.start);
}

function bothTables(text: string, doc: ReturnType<typeof documentYears>) {
  const flat = findTables(text, doc);
  const stacked = findStackedTables(text, doc);
  return { values: [...flat.values, ...stacked.values], rows: [...flat.rows, ...stacked.rows] };
}

function blank(text: string, rows: [number, number][]): string {
  const chars = text.split(""); // UTF-16 units: the offsets stay valid
  for (const [s, e] of rows) chars.fill(" ", s, e);
  return chars.join("");
}

function tableCandidate(input: string, folded: ReturnType<typeof normalize>, v: TableValue): Candidate {
  const [start, end] = originalRange(folded, v.start, v.end);
  return {
    indicator: v.indicator,
    value: v.value,
    min: v.min,
    max: v.max,
    unit: v.unit,
    year: v.year,
    comparison: v.comparison,
    comparisonWord: v.comparisonWord,
    kind: v.kind,
    hedged: false,
    baseline: v.baseline,
    quote: input.slice(start, end),
    start,
    end,
    yearFrom: "scope",
  };
}
