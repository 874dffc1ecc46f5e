// A pack of many new indicators and targets, as a province-wide import would bring: its validation and import
// (buildCatalogWithPacks), timed apart; and the command line with such a pack against the same command without
// it. Used by run.ts (pack_import_*, pack_cli_8k_ratio) and on its own:
//   npx tsx bench/pack-scale.ts 50000 10000
//   npx tsx bench/pack-scale.ts cli 8000 [runs]
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { validatePack } from "../src/core/packs/pack";
import { buildCatalogWithPacks } from "../src/core/packs/pack-import";
import { median } from "./clock";

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

/** A full collection before each heap reading (the bench runs without --expose-gc: the flag is set here). */
function collector(): () => void {
  if (global.gc) return global.gc;
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}

/**
 * Milliseconds to validate and to import the pack, and the heap it adds (MB): heap used after a full
 * collection, with the validated pack and the catalog alive, minus the same before validation (the generated
 * JSON excluded). Cold, as a process's first import: one-time costs (building the bundled catalog, loading
 * OpenCC's dictionaries) are in the figures.
 */
export function timePackImport(targets: number, indicators: number) {
  const gc = collector();
  const raw = scalePack(targets, indicators);
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  let t0 = process.hrtime.bigint();
  const v = validatePack(raw);
  const validateMs = ms(t0);
  if (!v.ok) throw new Error(v.errors.slice(0, 3).join("; "));
  t0 = process.hrtime.bigint();
  const { catalog } = buildCatalogWithPacks([v.pack]);
  const importMs = ms(t0);
  gc();
  const heapMb = (process.memoryUsage().heapUsed - heap0) / 2 ** 20;
  // Both alive until here (a pane keeps the pack it stored as well as the catalog).
  return { validateMs, importMs, heapMb, targets: catalog.targets.length, plans: v.pack.plans.length };
}

/**
 * `plan target 益阳 高新技术企业 2025` as a user runs it (tsx, a fresh process each time), with `--packs` a pack
 * file of `indicators` new indicators (one target each) and without it (the floor): the median of `runs`
 * alternating runs of each, in ms.
 */
export function timePackCli(indicators: number, runs = 5) {
  const dir = mkdtempSync(join(tmpdir(), "pack-cli-"));
  const file = join(dir, "pack.json");
  writeFileSync(file, JSON.stringify(scalePack(indicators, indicators)));
  const root = join(__dirname, "..");
  const tsx = join(root, "node_modules", ".bin", "tsx");
  const query = ["src/cli/main.ts", "target", "益阳", "高新技术企业", "2025"];
  const once = (args: string[]) => {
    const t0 = process.hrtime.bigint();
    execFileSync(tsx, [...query, ...args], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
    return ms(t0);
  };
  once([]); // warm tsx's transform cache and the file cache
  const floor: number[] = [];
  const pack: number[] = [];
  for (let i = 0; i < runs; i++) {
    floor.push(once([]));
    pack.push(once(["--packs", file]));
  }
  rmSync(dir, { recursive: true });
  return { packMs: median(pack), floorMs: median(floor), pack, floor };
}

if (require.main === module) {
  const args = process.argv.slice(2);
  if (args[0] === "cli") console.log(timePackCli(Number(args[1] ?? 8000), Number(args[2] ?? 5)));
  else {
    const [t = "50000", i = "10000"] = args;
    console.log(timePackImport(Number(t), Number(i)));
  }
}
