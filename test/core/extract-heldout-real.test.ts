// The extraction assistant on a held-out set of real plan texts (test/core/fixtures/extract-heldout-real/, see
// its README.md): collected after the rules were written, answer keys written by hand before the first run.
// Scored with the held-out rule (extract-score.ts); recall and precision are printed per text and overall, and
// the overall figures must not fall below what was reached.
import path from "node:path";
import { scoreSet, scoreTable, totalOf } from "./extract-score";

const results = scoreSet(path.join(__dirname, "fixtures/extract-heldout-real"));
const names = results.map((r) => r.name);
const total = () => totalOf(results);

afterAll(() => console.log(scoreTable(results)));

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
