// The runtime folds the bundled names on a fast path (no OpenCC, no row-label stripping). That is only
// sound if the fast path gives the same keys as the full normalization queries go through.
import indicators from "../../data/indicators.json";
import regions from "../../data/regions.json";
import fixture from "../fixtures/example-pack.json";
import { Catalog, bundledCatalog, RAW_PLANS } from "../../src/core/catalog/catalog";
import { validatePack } from "../../src/core/packs/pack";
import { buildCatalogWithPacks } from "../../src/core/packs/pack-import";
import { normalizeIndicator, normalizeRegion } from "../../src/core/catalog/text";

const indicatorNames = [
  ...indicators.flatMap((i) => [i.name, ...(i.aliases ?? [])]),
  ...bundledCatalog().allTargets.map((t) => t.label),
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

describe("each catalog owns its vocabulary", () => {
  const pack = validatePack(fixture);
  if (!pack.ok) throw new Error("bad fixture");
  const withPack = buildCatalogWithPacks([pack.pack]).catalog;
  const bundled = bundledCatalog();

  test("a catalog built with a pack knows its characters; the bundled one is not changed by it", () => {
    expect(withPack.vocabulary.needsConversion("乡村科技特派员工作站")).toBe(false);
    expect(bundled.vocabulary.needsConversion("乡村科技特派员工作站")).toBe(true);
    expect(new Catalog(RAW_PLANS, regions, indicators).vocabulary.needsConversion("特派员")).toBe(true);
  });

  test.each(["高新技術企業", "乡村科技特派員工作站", "示例縣", "研發經費投入強度(%)", "技术合同交易额"])(
    "%s folds alike with either vocabulary, and without one",
    (name) => {
      const keys = [withPack.vocabulary, bundled.vocabulary, undefined].map((v) =>
        normalizeIndicator(name, false, v),
      );
      expect(new Set(keys).size).toBe(1);
    },
  );
});
