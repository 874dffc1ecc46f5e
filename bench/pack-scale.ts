// A pack of many new indicators and targets, as a province-wide import would bring: its validation and import
// (buildCatalogWithPacks), timed apart. Used by run.ts (pack_import_*) and on its own:
//   npx tsx bench/pack-scale.ts 50000 10000
import { validatePack } from "../src/core/packs/pack";
import { buildCatalogWithPacks } from "../src/core/packs/pack-import";

const UNITS = ["家", "个", "项", "%", "亿元", "件", "人"];

/** A pack of `targets` targets over `indicators` new indicator names, spread over 100 counties. */
export function scalePack(targets: number, indicators: number) {
  const regions = 100;
  const perRegion = Math.ceil(targets / regions);
  return {
    format: "plan-pack",
    version: 1,
    id: "bench-scale",
    name: "基准测试规模包(生成)",
    source: "生成的基准测试数据",
    regions: Array.from({ length: regions }, (_, r) => ({
      id: `sc-${r}`,
      name: `规模${r}县`,
      fullName: `测试省规模${r}县`,
      kind: "district",
      aliases: [],
    })),
    indicators: Array.from({ length: indicators }, (_, i) => ({
      id: `ind_${i}`,
      name: `新型指标${i}号产业`,
    })),
    plans: Array.from({ length: regions }, (_, r) => ({
      id: `sc-plan-${r}`,
      title: `规模${r}县科技创新规划`,
      shortName: `规模${r}县科技`,
      issuer: `规模${r}县人民政府`,
      issued: "2026-03",
      region: `sc-${r}`,
      period: { start: 2026, end: 2030 },
      baseYear: 2025,
      observations: [],
      targets: Array.from({ length: Math.min(perRegion, targets - r * perRegion) }, (_, k) => {
        const i = (r * perRegion + k) % indicators;
        const unit = UNITS[i % UNITS.length];
        return {
          id: `sc-${r}-${k}`,
          region: `sc-${r}`,
          indicator: `ind_${i}`,
          unit,
          value: 10 + (k % 80),
          comparison: "at_least",
          kind: unit === "%" ? "share" : "level",
          targetYear: 2030,
          quote: `到2030年,新型指标${i}号产业达到${10 + (k % 80)}${unit}`,
        };
      }),
    })),
  };
}

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

/** Milliseconds to validate and to import the pack, and the heap it adds (MB). */
export function timePackImport(targets: number, indicators: number) {
  const raw = scalePack(targets, indicators);
  global.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  let t0 = process.hrtime.bigint();
  const v = validatePack(raw);
  const validateMs = ms(t0);
  if (!v.ok) throw new Error(v.errors.slice(0, 3).join("; "));
  t0 = process.hrtime.bigint();
  const { catalog } = buildCatalogWithPacks([v.pack]);
  const importMs = ms(t0);
  global.gc?.();
  const heapMb = (process.memoryUsage().heapUsed - heap0) / 2 ** 20;
  return { validateMs, importMs, heapMb, targets: catalog.targets.length };
}

if (require.main === module) {
  const [t = "50000", i = "10000"] = process.argv.slice(2);
  console.log(timePackImport(Number(t), Number(i)));
}
