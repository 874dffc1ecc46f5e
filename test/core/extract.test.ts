// The extraction assistant measured on the five seeds against the catalog (issue 15, "Done when").
//
// Denominators, per seed (the plan in data/plans/*.json whose `file` is the seed):
// - targets: every target of the plan, restatements and implied ones (翻番, 全覆盖, 零的突破, 至少一个)
//   included. A target is found when some non-baseline candidate has its value (or min and max), its unit
//   and its target year.
// - candidates: every non-baseline candidate. One is correct when it matches some target of the plan
//   (restatements included) on the same three fields. Baseline candidates (historical actuals) are proposed
//   as baselines only and are not counted as targets either way; the test checks that none matches a target.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { extractCandidates, type Candidate } from "../../src/core/extract";
import { Plan, type Target } from "../../src/core/catalog/schema";
import { fits, type Key } from "./extract-score";

const ROOT = path.resolve(__dirname, "../..");

const plans = readdirSync(path.join(ROOT, "data/plans"))
  .filter((f) => f.endsWith(".json"))
  .map((f) => Plan.parse(JSON.parse(readFileSync(path.join(ROOT, "data/plans", f), "utf8"))));

const seeds = plans.map((plan) => ({
  plan,
  text: readFileSync(path.join(ROOT, "seeds", plan.file), "utf8"),
}));

function sameNumber(a: number | null, b: number | null): boolean {
  return a !== null && b !== null && Math.abs(a - b) < 1e-9;
}

function matches(c: Candidate, t: Target): boolean {
  const value =
    t.comparison === "range"
      ? sameNumber(c.min, t.min) && sameNumber(c.max, t.max)
      : sameNumber(c.value, t.value);
  return value && c.unit === t.unit && c.year === t.targetYear;
}

interface Measure {
  file: string;
  targets: number;
  found: number;
  candidates: number;
  correct: number;
  baselines: number;
  missed: string[];
  wrong: string[];
  /** Of the found targets, how many the candidate (the one quoting it, else the first) has the same. */
  agree: { comparison: number; kind: number; hedged: number };
}

/** The candidate that proposes a catalog target: the one whose quote overlaps the target's most. */
function proposer(t: Target, proposed: Candidate[]): Candidate | undefined {
  const same = proposed.filter((c) => matches(c, t));
  const overlap = (c: Candidate) =>
    t.quote.includes(c.quote) ? c.quote.length : c.quote.includes(t.quote) ? t.quote.length : 0;
  return same.sort((a, b) => overlap(b) - overlap(a))[0];
}

function measure(plan: Plan, text: string): Measure {
  const all = extractCandidates(text);
  const proposed = all.filter((c) => !c.baseline);
  const missed = plan.targets.filter((t) => !proposed.some((c) => matches(c, t)));
  const wrong = proposed.filter((c) => !plan.targets.some((t) => matches(c, t)));
  const pairs = plan.targets.flatMap((t) => {
    const c = proposer(t, proposed);
    return c ? [[t, c] as const] : [];
  });
  const agree = {
    comparison: pairs.filter(([t, c]) => t.comparison === c.comparison).length,
    kind: pairs.filter(([t, c]) => t.kind === c.kind).length,
    hedged: pairs.filter(([t, c]) => t.hedged === c.hedged).length,
  };
  return {
    file: plan.file,
    targets: plan.targets.length,
    found: plan.targets.length - missed.length,
    candidates: proposed.length,
    correct: proposed.length - wrong.length,
    baselines: all.length - proposed.length,
    missed: missed.map((t) => `${t.id}: ${t.quote}`),
    wrong: wrong.map((c) => `${c.value ?? `${c.min}-${c.max}`}${c.unit} ${c.year}: ${c.quote}`),
    agree,
  };
}

const results = seeds.map(({ plan, text }) => measure(plan, text));

describe("extraction measured against the catalog on the five seeds", () => {
  afterAll(() => {
    const rows = results.map(
      (r) =>
        `${r.file}  targets ${r.targets}  found ${r.found}  recall ${(r.found / r.targets).toFixed(3)}  ` +
        `candidates ${r.candidates}  correct ${r.correct}  precision ${(r.correct / r.candidates).toFixed(3)}  ` +
        `baselines ${r.baselines}  same comparison ${r.agree.comparison}, kind ${r.agree.kind}, ` +
        `hedged ${r.agree.hedged} of ${r.found}` +
        (r.missed.length ? `\n    missed: ${r.missed.join(" | ")}` : "") +
        (r.wrong.length ? `\n    not a catalog target: ${r.wrong.join(" | ")}` : ""),
    );
    // The figures docs/extract.md and the closing note quote.
    console.log(`extraction per seed:\n${rows.join("\n")}`);
  });

  it("finds at least 90 % of the catalog's targets over the five seeds", () => {
    const targets = results.reduce((s, r) => s + r.targets, 0);
    const found = results.reduce((s, r) => s + r.found, 0);
    expect(targets).toBeGreaterThan(80);
    expect(found / targets).toBeGreaterThanOrEqual(0.9);
  });

  it("is right at least 80 % of the time over the five seeds", () => {
    const candidates = results.reduce((s, r) => s + r.candidates, 0);
    const correct = results.reduce((s, r) => s + r.correct, 0);
    expect(correct / candidates).toBeGreaterThanOrEqual(0.8);
  });

  it("of the targets found, at least 90 % get the catalog's comparison, kind and hedge", () => {
    const found = results.reduce((s, r) => s + r.found, 0);
    for (const k of ["comparison", "kind", "hedged"] as const)
      expect(results.reduce((s, r) => s + r.agree[k], 0) / found).toBeGreaterThanOrEqual(0.9);
  });

  it.each(results.map((r) => [r.file, r] as const))("%s: recall and precision are measured", (_f, r) => {
    expect(r.targets).toBeGreaterThan(0);
    expect(r.candidates).toBeGreaterThan(0);
  });

  it.each(seeds.map((s) => [s.plan.file, s] as const))("%s: every quote is verbatim", (_f, { text }) => {
    for (const c of extractCandidates(text)) {
      expect(text.slice(c.start, c.end)).toBe(c.quote);
      expect(text.includes(c.quote)).toBe(true);
      expect(c.quote.length).toBeGreaterThan(1);
    }
  });

  it.each(seeds.map((s) => [s.plan.file, s] as const))(
    "%s: no baseline candidate is proposed where the catalog has a target of that year",
    (_f, { plan, text }) => {
      const baselines = extractCandidates(text).filter((c) => c.baseline);
      const clashes = baselines.filter((c) => plan.targets.some((t) => matches(c, t)));
      expect(clashes.map((c) => c.quote)).toEqual([]);
    },
  );
});

// Texts written for this test in plan language (not seeds), each with an answer key written before the
// extractor was first run on it: a check that the rules are not fitted to the five seeds.
// extract-heldout.txt (a 十五五 city plan): the first run found 4 of 19, as the goal list's year was wrong; the
// fix (the year scope runs to the next heading; the title's 十五五 settles which 到20XX年 is the plan's own)
// is general. extract-heldout-2.txt (a district action plan) was run once after that fix: 13 of 14, the miss
// being 建设两个国家级创新平台 (Chinese numerals are not read). extract-heldout-3.txt (a science bureau's
// annual work plan, a genre the rules had not seen) first found 6 of 11 with 6 of 16 candidates right: with
// no 到20XX年 the 2026 actuals were taken as targets and the sections had no year; a year in the title now
// sets the document's year, a semicolon ends a hedge, and 场次 is a unit.
describe.each(["extract-heldout", "extract-heldout-2", "extract-heldout-3"])(
  "held-out text %s with a hand-written answer key",
  (name) => {
    const dir = path.join(__dirname, "fixtures");
    const text = readFileSync(path.join(dir, `${name}.txt`), "utf8");
    const key = JSON.parse(readFileSync(path.join(dir, `${name}.json`), "utf8")) as {
      targets: Key[];
      baselines: Key[];
    };
    const all = extractCandidates(text);
    const proposed = all.filter((c) => !c.baseline);
    const found = key.targets.filter((k) => proposed.some((c) => fits(c, k))).length;
    const correct = proposed.filter((c) => key.targets.some((k) => fits(c, k))).length;
    const baselinesFound = key.baselines.filter((k) => all.some((c) => c.baseline && fits(c, k))).length;

    afterAll(() => {
      console.log(
        `${name}: targets ${key.targets.length} found ${found}; candidates ${proposed.length} correct ${correct}; ` +
          `baselines in the key ${key.baselines.length} found ${baselinesFound}`,
      );
    });

    it("recall ≥ 0.9 and precision ≥ 0.8", () => {
      expect(found / key.targets.length).toBeGreaterThanOrEqual(0.9);
      expect(correct / proposed.length).toBeGreaterThanOrEqual(0.8);
    });

    it("the historical actuals are proposed as baselines, and none as a target", () => {
      expect(baselinesFound).toBe(key.baselines.length);
      for (const k of key.baselines) expect(proposed.some((c) => fits(c, k))).toBe(false);
    });

    it("every quote is verbatim", () => {
      for (const c of all) expect(text.slice(c.start, c.end)).toBe(c.quote);
    });
  },
);
