// The development set of real-world names (test/core/fixtures/names-dev.json): indicator names as statistical
// bulletins, yearbooks, work reports and other plans write them, each with its source document and the answer
// it must get in one of our regions and years — one target, a refusal with choices (ambiguous), or a refusal
// (none: another statistic, or not in that plan). How it was collected: docs/names-dev.md.
import dev from "./fixtures/names-dev.json";
import { run } from "../../src/core/functions/runner";
import { bundledContext } from "../../src/core/functions/functions";

interface Entry {
  region: string;
  name: string;
  year: number;
  expect: { indicator?: string; ambiguous?: string[]; none?: string };
  source: { title: string; url: string; snippet: string };
}

const entries = dev as Entry[];
const { resolver } = bundledContext();

/** The indicator PLAN.TARGET answered with, or null for an error. */
function answer(e: Entry): string | null {
  const o = run("TARGET", [e.region, e.name, e.year]);
  return o.ok ? resolver.target(e.region, e.name, e.year).indicator : null;
}

const results = entries.map((e) => ({ e, got: answer(e) }));
const single = results.filter((r) => r.e.expect.indicator);
const refused = results.filter((r) => !r.e.expect.indicator);
const resolved = single.filter((r) => r.got === r.e.expect.indicator).length;

test("the set: at least 300 entries, each with its source and its snippet naming it", () => {
  expect(entries.length).toBeGreaterThanOrEqual(300);
  for (const e of entries) {
    expect(e.source.title.length).toBeGreaterThan(0);
    expect(e.source.url).toMatch(/^https?:\/\//);
    expect(e.source.snippet.length).toBeGreaterThan(0);
  }
});

test("no wrong number: every answer is the expected target, and no name to refuse gets one", () => {
  const wrong = results.filter((r) => r.got !== null && r.got !== r.e.expect.indicator);
  expect(wrong.map((r) => `${r.e.region} ${r.e.name} ${r.e.year} → ${r.got}`)).toEqual([]);
});

test("every ambiguous name and every name of another statistic is refused", () => {
  expect(refused.filter((r) => r.got !== null).map((r) => r.e.name)).toEqual([]);
});

test("an ambiguous name's refusal offers choices", () => {
  for (const r of refused.filter((x) => x.e.expect.ambiguous)) {
    const o = run("TARGET", [r.e.region, r.e.name, r.e.year]);
    expect(o.ok ? [] : o.suggestions.length).toBeGreaterThan(0);
  }
});

test("names with exactly one right answer resolve (≥ 85 % here; the figures are printed)", () => {
  const share = resolved / single.length;
  console.log(
    `names-dev: ${entries.length} entries; one answer ${resolved}/${single.length} (${(share * 100).toFixed(1)} %); ` +
      `refused as they must be ${refused.filter((r) => r.got === null).length}/${refused.length}`,
  );
  expect(share).toBeGreaterThanOrEqual(0.85);
});
