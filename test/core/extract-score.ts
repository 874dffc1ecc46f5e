// The held-out scoring rule, shared by the held-out texts (extract.test.ts) and the development set
// (extract-dev.test.ts): a candidate fits a key entry when its value (or min and max), unit and year agree.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { extractCandidates, type Candidate } from "../../src/core/extract";

export type Key = { value?: number; min?: number; max?: number; unit: string; year: number | null };

const same = (a: number | null | undefined, b: number | null | undefined) =>
  a !== null && a !== undefined && b !== null && b !== undefined && Math.abs(a - b) < 1e-9;

export function fits(c: Candidate, k: Key): boolean {
  const value = k.value !== undefined ? same(c.value, k.value) : same(c.min, k.min) && same(c.max, k.max);
  return value && c.unit === k.unit && c.year === k.year;
}

export interface Score {
  targets: number;
  found: number;
  proposed: number;
  correct: number;
  baselines: number;
  baselinesFound: number;
  /** Key baselines proposed as targets: never allowed. */
  baselinesAsTargets: number;
}

export function score(all: Candidate[], key: { targets: Key[]; baselines: Key[] }): Score {
  const proposed = all.filter((c) => !c.baseline);
  return {
    targets: key.targets.length,
    found: key.targets.filter((k) => proposed.some((c) => fits(c, k))).length,
    proposed: proposed.length,
    correct: proposed.filter((c) => key.targets.some((k) => fits(c, k))).length,
    baselines: key.baselines.length,
    baselinesFound: key.baselines.filter((k) => all.some((c) => c.baseline && fits(c, k))).length,
    baselinesAsTargets: key.baselines.filter((k) => proposed.some((c) => fits(c, k))).length,
  };
}

/** One text of a set (NAME.txt with its key NAME.json), extracted and scored. */
export interface TextResult {
  name: string;
  text: string;
  all: Candidate[];
  s: Score;
}

/** Every text of a folder of real plan texts (extract-dev, extract-heldout-real), scored. */
export function scoreSet(dir: string): TextResult[] {
  const names = readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => f.slice(0, -4))
    .sort();
  return names.map((name) => {
    const text = readFileSync(path.join(dir, `${name}.txt`), "utf8");
    const key = JSON.parse(readFileSync(path.join(dir, `${name}.json`), "utf8")) as {
      targets: Key[];
      baselines: Key[];
    };
    const all = extractCandidates(text);
    return { name, text, all, s: score(all, key) };
  });
}

/** The scores of a set, summed. */
export function totalOf(results: TextResult[]): Score {
  const sum = (f: keyof Score) => results.reduce((n, r) => n + r.s[f], 0);
  return {
    targets: sum("targets"),
    found: sum("found"),
    proposed: sum("proposed"),
    correct: sum("correct"),
    baselines: sum("baselines"),
    baselinesFound: sum("baselinesFound"),
    baselinesAsTargets: sum("baselinesAsTargets"),
  };
}

const ratio = (a: number, b: number) => (b === 0 ? "  -  " : (a / b).toFixed(3));

/** Per text and overall: targets, found, recall, candidates, correct, precision, baselines found. */
export function scoreTable(results: TextResult[]): string {
  const line = (n: string, s: Score) =>
    `${n.padEnd(26)} targets ${String(s.targets).padStart(3)} found ${String(s.found).padStart(3)} ` +
    `recall ${ratio(s.found, s.targets)}  candidates ${String(s.proposed).padStart(3)} correct ` +
    `${String(s.correct).padStart(3)} precision ${ratio(s.correct, s.proposed)}  baselines ${s.baselinesFound}/${s.baselines}`;
  return [...results.map((r) => line(r.name, r.s)), line("TOTAL", totalOf(results))].join("\n");
}
