// The extraction assistant on a held-out set of real plan texts (test/core/fixtures/extract-heldout-real/, see
// its README.md): collected after the rules were written, answer keys written by hand before the first run.
// Scored with the held-out rule (extract-score.ts); recall and precision are printed per text and overall, and
// the overall figures must not fall below what was reached.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { extractCandidates } from "../../src/core/extract";
import { score, type Key, type Score } from "./extract-score";

const DIR = path.join(__dirname, "fixtures/extract-heldout-real");
const names = readdirSync(DIR)
  .filter((f) => f.endsWith(".txt"))
  .map((f) => f.slice(0, -4))
  .sort();

const results = names.map((name) => {
  const text = readFileSync(path.join(DIR, `${name}.txt`), "utf8");
  const key = JSON.parse(readFileSync(path.join(DIR, `${name}.json`), "utf8")) as {
    targets: Key[];
    baselines: Key[];
  };
  const all = extractCandidates(text);
  return { name, text, all, s: score(all, key) };
});

const ratio = (a: number, b: number) => (b === 0 ? "  -  " : (a / b).toFixed(3));

function total(): Score {
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

afterAll(() => {
  const line = (n: string, s: Score) =>
    `${n.padEnd(26)} targets ${String(s.targets).padStart(3)} found ${String(s.found).padStart(3)} ` +
    `recall ${ratio(s.found, s.targets)}  candidates ${String(s.proposed).padStart(3)} correct ` +
    `${String(s.correct).padStart(3)} precision ${ratio(s.correct, s.proposed)}  baselines ${s.baselinesFound}/${s.baselines}`;
  console.log([...results.map((r) => line(r.name, r.s)), line("TOTAL", total())].join("\n"));
});

describe("held-out set of real plan texts", () => {
  it("has at least 5 texts, each with an answer key", () => {
    expect(names.length).toBeGreaterThanOrEqual(5);
  });

  it("overall recall and precision stay at what was reached (minus a small margin)", () => {
    const t = total();
    expect(t.found / t.targets).toBeGreaterThanOrEqual(RECALL_FLOOR);
    expect(t.correct / t.proposed).toBeGreaterThanOrEqual(PRECISION_FLOOR);
  });

  it.each(names)("%s: every quote is verbatim", (name) => {
    const r = results.find((x) => x.name === name)!;
    for (const c of r.all) expect(r.text.slice(c.start, c.end)).toBe(c.quote);
  });
});

// First run (rules as of the dev-set work, before any look at these texts' results): recall 30/32 = 0.938,
// precision 34/34 = 1.000 (docs/extract.md); floors 0.03 below. After rules 19-22, written from its errors
// (so no longer a held-out figure): 32/32, 36/36.
const RECALL_FLOOR = 0.9;
const PRECISION_FLOOR = 0.97;
