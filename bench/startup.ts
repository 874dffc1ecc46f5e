// startup_pack_5k_*: the pane's start-up with a workbook that stores a pack of 5,000 targets (1,000 new
// indicators), on the in-memory workbook: read the store, parse and validate it, import it, and decide whether
// to recalculate (pack-service loadStored). Unchanged: the fingerprint matches, nothing recalculates. Changed:
// the recorded fingerprint differs (another pack or bundled data), so the workbook recalculates (a sheet of
// 500 PLAN.TARGET cells on the pack) and records the new one. Floor: what any start-up must do with that pack
// in this process, JSON.parse + validatePack + buildCatalogWithPacks of the stored JSON.
import { createCatalogStore } from "../src/core/catalog/store";
import { Runner } from "../src/core/functions/runner";
import { validatePack } from "../src/core/packs/pack";
import { buildCatalogWithPacks } from "../src/core/packs/pack-import";
import { registerPlanFunctions } from "../src/functions/hyperformula";
import { createPackService } from "../src/services/pack-service";
import { PACK_SHEET } from "../src/sheet/pack-store";
import { MemoryWorkbook } from "../src/workbook/memory-workbook";
import { scalePack } from "./pack-scale";
import { now, median } from "./clock";

export interface StartupFigures {
  targets: number;
  unchangedMs: number;
  changedMs: number;
  floorMs: number;
  /** Recalculations in the 5 start-ups of each kind. */
  recalculated: { unchanged: number; changed: number };
}

/** A workbook that stores the pack (imported through the pack service) and has PLAN.* cells on it. */
async function workbookWithPack(targets: number, indicators: number) {
  const store = createCatalogStore();
  registerPlanFunctions(new Runner(store));
  const wb = new MemoryWorkbook();
  wb.addSheet("Sheet1");
  for (let r = 0; r < 500; r++)
    wb.setCell("Sheet1", `A${r + 1}`, `=PLAN.TARGET("规模${r % 100}县","新型指标${r}号产业",2030)`);
  const json = JSON.stringify(scalePack(targets, indicators));
  const o = await createPackService(wb, store).importFromFile("scale.json", new TextEncoder().encode(json));
  if (o.kind !== "imported") throw new Error(`import: ${o.kind}`);
  return { wb, json };
}

/** One session's start-up: a fresh catalog store and service; ms and whether it recalculated. */
async function startUp(wb: MemoryWorkbook) {
  const store = createCatalogStore();
  registerPlanFunctions(new Runner(store));
  let recalculations = 0;
  const recalc = wb.recalculate.bind(wb);
  wb.recalculate = async () => {
    recalculations++;
    await recalc();
  };
  const t = now();
  const loaded = await createPackService(wb, store).loadStored();
  const ms = now() - t;
  wb.recalculate = recalc;
  if (loaded.errors.length) throw new Error(loaded.errors.join("; "));
  return { ms, recalculations };
}

function floorOnce(json: string) {
  const t = now();
  const v = validatePack(JSON.parse(json));
  if (!v.ok) throw new Error(v.errors[0]);
  buildCatalogWithPacks([v.pack]);
  return now() - t;
}

export async function measureStartup(targets = 5_000, indicators = 1_000): Promise<StartupFigures> {
  const { wb, json } = await workbookWithPack(targets, indicators);
  await startUp(wb); // warm: modules loaded, JIT
  // Interleaved, so that load on the machine and the heap's growth fall on all three alike.
  const u = [];
  const c = [];
  const floors = [];
  for (let i = 0; i < 5; i++) {
    floors.push(floorOnce(json));
    u.push(await startUp(wb));
    wb.setCell(PACK_SHEET, "C1", `changed-${i}`); // as if another pack or bundle computed the cells
    c.push(await startUp(wb));
  }
  registerPlanFunctions();
  return {
    targets,
    unchangedMs: median(u.map((x) => x.ms)),
    changedMs: median(c.map((x) => x.ms)),
    floorMs: median(floors),
    recalculated: {
      unchanged: u.reduce((n, x) => n + x.recalculations, 0),
      changed: c.reduce((n, x) => n + x.recalculations, 0),
    },
  };
}

if (require.main === module) void measureStartup().then((r) => console.log(r));
