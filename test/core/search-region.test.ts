// Search with a region in the query (the pane's 公式 tab): 益阳 高企 ranks 益阳's targets first; 汕尾 finds
// 汕尾城区 and says why; a region chosen in the filter restricts the hits to it.
import { bundledCatalog } from "../../src/core/catalog/catalog";
import { run } from "../../src/core/functions/runner";
import { regionOfQuery, searchTargets, searchWithRegion } from "../../src/core/catalog/search";

const catalog = bundledCatalog();
const first = (q: string) => searchWithRegion(catalog, q, null, 10).hits[0]?.target;

test.each([
  ["益阳 高企", "益阳", "高新技术企业"],
  ["中山 技术合同", "中山", "技术合同交易额"],
  ["益阳市高新技术企业", "益阳", "高新技术企业"],
  ["高企 益阳", "益阳", "高新技术企业"],
  ["益陽 高企", "益阳", "高新技术企业"],
])("“%s” puts %s's %s first", (q, region, indicator) => {
  const t = first(q);
  expect(t?.regionDef.name).toBe(region);
  expect(t?.indicatorDef.name).toBe(indicator);
});

test("without a region in the query the order is searchTargets' own", () => {
  expect(searchWithRegion(catalog, "高企", null, 10).hits).toEqual(searchTargets(catalog, "高企", null, 10));
  expect(searchWithRegion(catalog, "高企").region).toBeNull();
});

test("the named region's targets come first, then the same indicator elsewhere", () => {
  const r = searchWithRegion(catalog, "益阳 高企", null, 10);
  const regions = r.hits.map((h) => h.target.regionDef.name);
  const lastOwn = regions.lastIndexOf("益阳");
  expect(regions.slice(0, lastOwn + 1).every((n) => n === "益阳")).toBe(true);
  expect(regions.slice(lastOwn + 1)).toEqual(expect.arrayContaining(["中山", "汕尾城区"]));
});

test("汕尾 alone lists 汕尾城区's targets and says that 汕尾城区 is the district of 汕尾市", () => {
  const r = searchWithRegion(catalog, "汕尾", null, 50);
  expect(r.region?.name).toBe("汕尾城区");
  expect(r.hits.length).toBeGreaterThan(3);
  expect(r.hits.every((h) => h.target.regionDef.name === "汕尾城区")).toBe(true);
  expect(r.note).toContain("汕尾市城区");
  expect(first("汕尾 高企")?.regionDef.name).toBe("汕尾城区");
});

test("a word that only begins an institution's name is not read as a region", () => {
  expect(regionOfQuery(catalog, "中国 高企")).toBeNull();
  expect(regionOfQuery(catalog, "高新")).toBeNull();
});

test("a region chosen in the filter restricts the hits to it and its sub-areas", () => {
  const zs = catalog.regions.find((r) => r.name === "中山")!;
  const r = searchWithRegion(catalog, "高企", zs.id, 50);
  expect(r.hits.length).toBeGreaterThan(0);
  const scope = [zs.id, ...catalog.regions.filter((x) => x.parent === zs.id).map((x) => x.id)];
  expect(r.hits.every((h) => scope.includes(h.target.region))).toBe(true);
  // The same region typed as well is not searched for as an indicator.
  expect(searchWithRegion(catalog, "中山 高企", zs.id, 50).hits[0]?.target.indicatorDef.name).toBe(
    "高新技术企业",
  );
});

test("PLAN.SEARCH reads a region in its text the same way", () => {
  const o = run("SEARCH", ["益阳 高企"]);
  if (!o.ok || !Array.isArray(o.value)) throw new Error("PLAN.SEARCH failed");
  expect(o.value[1].slice(0, 2)).toEqual(["益阳", "高新技术企业"]);
  expect(run("SEARCH", ["高企"])).toEqual(run("SEARCH", ["高企", null]));
});
