// A large catalog for the resolver's figures: the bundled plans plus a generated pack of many counties, each
// with a plan that has a target for most bundled indicators (their own names, so they map onto the shared
// vocabulary as an imported plan's would). No new indicator names: pack import's own cost is not measured here.
import { bundledCatalog, type Catalog } from "../src/core/catalog/catalog";
import { validatePack } from "../src/core/packs/pack";
import { buildCatalogWithPacks } from "../src/core/packs/pack-import";

export function bigCatalog(regions: number, perRegion: number): Catalog {
  const bundled = bundledCatalog();
  const inds = bundled.indicators.filter((i) => bundled.targets.some((t) => t.indicator === i.id));
  const pack = {
    format: "plan-pack",
    version: 1,
    id: "bench-counties",
    name: "基准测试县区规划(生成)",
    source: "生成的基准测试数据",
    regions: Array.from({ length: regions }, (_, r) => ({
      id: `county-${r}`,
      name: `测试${r}县`,
      fullName: `测试省测试${r}县`,
      kind: "district",
      aliases: [],
    })),
    indicators: inds.map((i) => ({ id: i.id.replace(/[^a-z0-9_]/g, "_"), name: i.name })),
    plans: Array.from({ length: regions }, (_, r) => ({
      id: `plan-${r}`,
      title: `测试${r}县科技创新规划`,
      shortName: `测试${r}县科技`,
      issuer: `测试${r}县人民政府`,
      issued: "2026-03",
      region: `county-${r}`,
      period: { start: 2026, end: 2030 },
      baseYear: 2025,
      observations: [],
      targets: inds.slice(0, perRegion).map((i, k) => {
        const t = bundled.targets.find((x) => x.indicator === i.id)!;
        return {
          id: `t-${r}-${k}`,
          region: `county-${r}`,
          indicator: i.id.replace(/[^a-z0-9_]/g, "_"),
          unit: t.unit,
          value: 100 + k,
          comparison: "at_least",
          kind: t.kind === "per_year" ? "level" : t.kind,
          targetYear: 2030,
          quote: `到2030年,${i.name}达到${100 + k}${t.unit}`,
        };
      }),
    })),
  };
  const v = validatePack(pack);
  if (!v.ok) throw new Error(v.errors.slice(0, 5).join("; "));
  return buildCatalogWithPacks([v.pack]).catalog;
}
