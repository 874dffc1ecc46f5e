// The runtime folds the bundled names on a fast path (no OpenCC, no row-label stripping). That is only
// sound if the fast path gives the same keys as the full normalization queries go through.
import indicators from "../../data/indicators.json";
import regions from "../../data/regions.json";
import { getCatalog } from "../../src/core/catalog";
import { normalizeIndicator, normalizeRegion } from "../../src/core/text";

const indicatorNames = [
  ...indicators.flatMap((i) => [i.name, ...(i.aliases ?? [])]),
  ...getCatalog().allTargets.map((t) => t.label),
];
const regionNames = regions.flatMap((r) => [r.name, r.fullName, ...(r.aliases ?? [])]);

test.each(indicatorNames)("indicator name %s: fast path = full normalization", (n) => {
  expect(normalizeIndicator(n, true)).toBe(normalizeIndicator(n));
});

test.each(regionNames)("region name %s: fast path = full normalization", (n) => {
  expect(normalizeRegion(n, true)).toBe(normalizeRegion(n));
});

test("decorated labels fold to the canonical key", () => {
  const key = normalizeIndicator("高新技术企业");
  for (const label of [
    "1.高新技术企业数",
    "（三）高新技术企业数量（家）",
    "一、高新技术企业:",
    "高新技術企業(家)",
    " 高新技术企业数 ",
  ])
    expect(normalizeIndicator(label)).toBe(key);
});
