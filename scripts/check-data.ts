// Build-time data check: every data file passes the zod schema, every quote is verbatim in its seed,
// and every name is already in simplified characters (the runtime relies on both).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import regions from "../data/regions.json";
import indicators from "../data/indicators.json";
import { RAW_PLANS } from "../src/core/catalog/catalog";
import { PACK_ID_PREFIX } from "../src/core/packs/pack-import";
import { validateData } from "../src/core/catalog/schema";
import { toSimplified } from "../src/core/catalog/text";

const root = join(__dirname, "..");
const problems: string[] = [];
const { plans } = validateData(RAW_PLANS, regions, indicators);
for (const p of plans) {
  const seed = readFileSync(join(root, "seeds", p.file), "utf8");
  for (const r of [...p.targets, ...p.observations])
    if (!seed.includes(r.quote)) problems.push(`${p.file} ${r.id}: quote not in seed: ${r.quote}`);
}
const names = [
  ...regions.flatMap((r) => [r.name, r.fullName, ...r.aliases]),
  ...indicators.flatMap((i) => [i.name, ...i.aliases]),
  ...plans.flatMap((p) => p.targets.flatMap((t) => [t.label, t.entity ?? ""])),
];
// Imported records get ids with this prefix (pack-import.ts): a bundled id must never look like one.
const ids = [
  ...regions.map((r) => r.id),
  ...indicators.map((i) => i.id),
  ...plans.flatMap((p) => [p.id, ...p.targets.map((t) => t.id), ...p.observations.map((o) => o.id)]),
];
for (const id of ids)
  if (id.startsWith(PACK_ID_PREFIX) || id.startsWith("pack_")) problems.push(`id reserved for packs: ${id}`);
for (const n of names) if (toSimplified(n) !== n) problems.push(`not simplified: ${n} (${toSimplified(n)})`);
if (problems.length) {
  process.stderr.write(problems.join("\n") + "\n");
  process.exit(1);
}
process.stdout.write(
  `data ok: ${plans.length} plans, ${plans.reduce((n, p) => n + p.targets.length, 0)} targets\n`,
);
