// Property: whatever the statistician does to a progress sheet, and whatever changes in the bundled data,
// refreshing (with or without confirming the data changes) loses no user input and duplicates no row.
//
// A run generates a sheet for a random plan, then interprets random steps: type yearly actuals (历年实际值), type
// over 实际值 itself, typed baselines (only into yellow input cells) / notes, change the 评估年份, put text right of the table or below it, insert a user
// column with a title and cells, insert a user row inside the table, change the bundled data (a target's value, a
// new target, a removed target, a baseline the data now gives), and refresh with or without confirmation. After
// every refresh (and at the end, after a confirmed one) the sheet is checked against a model of what the user did,
// and 实际值 (where nothing was typed over it) shows the yearly value of the sheet's 评估年份.
import fc from "fast-check";
import { bundledCatalog, type Catalog } from "../../src/core/catalog/catalog";
import { historyTitle, needsBaselineInput, planTargets } from "../../src/core/sheet/layout";
import { inputRange } from "../../src/core/method/methodology";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { a1, type CellValue, type Grid } from "../../src/workbook/workbook";
import { catalogWith, locate, type Located, type Mutation } from "./helpers";
import { serviceOver } from "./service-over";

const base = bundledCatalog();
const PLANS = base.plans.map((p) => p.id);
const YEAR0 = 2022;
const NUM_RUNS = 1000;

type Step =
  | { t: "yearly"; i: number; k: number; v: number }
  | { t: "actual"; i: number; v: number }
  | { t: "baseline"; i: number; v: number }
  | { t: "note"; i: number }
  | { t: "year"; y: number }
  | { t: "right"; i: number; dc: number }
  | { t: "below"; k: number }
  | { t: "column"; pos: number; i: number }
  | { t: "row"; i: number }
  | { t: "data"; kind: Mutation["kind"]; i: number; amount: number }
  | { t: "refresh"; apply: boolean; year: number | null };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    arbitrary: fc.record({
      t: fc.constant("yearly" as const),
      i: fc.nat(),
      k: fc.nat(),
      v: fc.integer({ min: -50, max: 5000 }),
    }),
    weight: 5,
  },
  {
    arbitrary: fc.record({
      t: fc.constant("actual" as const),
      i: fc.nat(),
      v: fc.integer({ min: -50, max: 5000 }),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      t: fc.constant("baseline" as const),
      i: fc.nat(),
      v: fc.integer({ min: 1, max: 3000 }),
    }),
    weight: 3,
  },
  { arbitrary: fc.record({ t: fc.constant("note" as const), i: fc.nat() }), weight: 2 },
  {
    arbitrary: fc.record({ t: fc.constant("year" as const), y: fc.integer({ min: 2014, max: 2030 }) }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      t: fc.constant("right" as const),
      i: fc.nat(),
      dc: fc.integer({ min: 2, max: 5 }),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({ t: fc.constant("below" as const), k: fc.integer({ min: 1, max: 4 }) }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      t: fc.constant("column" as const),
      pos: fc.integer({ min: 1, max: 18 }),
      i: fc.nat(),
    }),
    weight: 1,
  },
  { arbitrary: fc.record({ t: fc.constant("row" as const), i: fc.nat() }), weight: 1 },
  {
    arbitrary: fc.record({
      t: fc.constant("data" as const),
      kind: fc.constantFrom<Mutation["kind"]>("value", "add", "remove", "baseline"),
      i: fc.nat(),
      amount: fc.integer({ min: 1, max: 100 }),
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      t: fc.constant("refresh" as const),
      apply: fc.boolean(),
      year: fc.option(fc.integer({ min: 2015, max: 2030 }), { nil: null }),
    }),
    weight: 3,
  },
);

/** Where a user's text must be found: in a user column, right of the table, below it, or in a row inside it. */
type Anchor =
  | { kind: "column"; header: string; id: string }
  | { kind: "right"; id: string; dc: number }
  | { kind: "below"; dr: number }
  | { kind: "between"; above: string; below: string };

interface Inputs {
  /** Typed into the history block: year → value. */
  yearly: Map<number, number>;
  /** Typed over 实际值's formula. */
  actual?: number;
  /** Texts the 备注 must contain (what the user typed, then what a refresh kept there). */
  note: string[];
  baseline?: number;
}

const catalogs = new Map<string, Catalog>();
const catalogFor = (ms: Mutation[]) => {
  const key = JSON.stringify(ms);
  if (!catalogs.has(key)) catalogs.set(key, ms.length ? catalogWith(...ms) : base);
  return catalogs.get(key)!;
};

const wb = new MemoryWorkbook();

async function runSequence(planId: string, steps: Step[]): Promise<void> {
  wb.reset();
  const mutations: Mutation[] = [];
  let current = catalogFor(mutations);
  let serial = 0;
  const service = () => serviceOver(wb, { year: 2024, catalog: current });
  const { sheetName: name } = await service().generate(planId, YEAR0);

  const inputs = new Map<string, Inputs>();
  const user = new Map<string, Anchor>();
  let typedYear: number | null = null;
  let userHeaders = 0;
  const entry = (id: string) => inputs.get(id) ?? inputs.set(id, { note: [], yearly: new Map() }).get(id)!;
  /** The history block's column of a year, by its title. */
  const yearCol = (g: Grid, loc: Located, y: number) => g[loc.header].indexOf(historyTitle(y));
  /** The last column of ours: the history block's last year, right of the hidden columns. */
  const rightEdge = (g: Grid, loc: Located) =>
    Math.max(
      loc.col("id"),
      ...g[loc.header].flatMap((v, c) => (typeof v === "string" && /^\d{4}年实际值$/.test(v) ? [c] : [])),
    );
  const values = (): Grid => wb.valuesOf(name);
  const liveRows = (loc: Located) => loc.ids.filter((x) => !x.id.startsWith("已删除目标:"));
  const lastIdRow = (loc: Located) => Math.max(loc.header, ...loc.ids.map((x) => x.row));
  const pick = (loc: Located, i: number) => {
    const live = liveRows(loc);
    return live[i % live.length];
  };
  const type = (row: number, col: number, v: CellValue) => {
    // Typing over one of the user's own texts replaces it: the model forgets the old one.
    const old = wb.value(name, a1(row, col));
    if (typeof old === "string") user.delete(old);
    wb.setCell(name, a1(row, col), v);
  };
  const rowOfId = (loc: Located, id: string) => loc.rowOf(id) ?? loc.deletedRowOf(id);

  const check = (when: string, applied: boolean, prevLive: string[] | null) => {
    const g = values();
    const loc = locate(g);
    const at = (r: number | undefined, c: number) => (r === undefined ? undefined : (g[r]?.[c] ?? null));
    const fail = (msg: string) => {
      throw new Error(`${when}: ${msg}`);
    };
    // No row duplicated: every id text once.
    const texts = loc.ids.map((x) => x.id);
    if (new Set(texts).size !== texts.length) fail(`duplicate ids ${texts.join(",")}`);
    const live = liveRows(loc)
      .map((x) => x.id)
      .sort();
    const want = applied
      ? planTargets(current, planId)
          .map((t) => t.id)
          .sort()
      : prevLive;
    if (want && JSON.stringify(live) !== JSON.stringify(want)) fail(`live ids ${live} ≠ ${want}`);
    // Every input where it belongs.
    for (const [id, inp] of inputs) {
      const r = rowOfId(loc, id);
      if (r === undefined) fail(`no row for ${id}`);
      if (inp.actual !== undefined && at(r, loc.col("actual")) !== inp.actual)
        fail(`${id} actual ${at(r, loc.col("actual"))} ≠ ${inp.actual}`);
      for (const [y, v] of inp.yearly) {
        const c = yearCol(g, loc, y);
        if (c < 0 || at(r, c) !== v)
          fail(`${id} ${historyTitle(y)} ${c < 0 ? "column lost" : at(r, c)} ≠ ${v}`);
      }
      // 实际值 picks the 评估年份's yearly value (a value out of the row's range: blank, 输入检查 says why).
      const t = current.targetById.get(id);
      const year = g[loc.header - 3]?.[loc.col("subject")];
      if (inp.actual === undefined && t && loc.rowOf(id) !== undefined && typeof year === "number") {
        const v = inp.yearly.get(year);
        const { min, max } = inputRange(t.kind, t.unit);
        const want = v !== undefined && v >= min && v <= max ? v : "";
        if ((at(r, loc.col("actual")) ?? "") !== want)
          fail(`${id} 实际值 ${at(r, loc.col("actual"))} ≠ ${year}年实际值 ${want}`);
      }
      const note = String(at(r, loc.col("note")) ?? "");
      for (const n of inp.note) if (!note.includes(n)) fail(`${id} note “${note}” lacks “${n}”`);
      if (inp.baseline !== undefined && at(r, loc.col("baseline")) !== inp.baseline)
        fail(`${id} baseline ${at(r, loc.col("baseline"))} ≠ ${inp.baseline}`);
    }
    if (typedYear !== null && g[loc.header - 3]?.[loc.col("subject")] !== typedYear)
      fail(`year ${g[loc.header - 3]?.[loc.col("subject")]} ≠ ${typedYear}`);
    // Every user cell once, where it was.
    const found = new Map<string, [number, number][]>();
    g.forEach((row, r) =>
      row.forEach(
        (v, c) =>
          typeof v === "string" &&
          /^U\d+$/.test(v) &&
          (found.get(v) ?? found.set(v, []).get(v)!).push([r, c]),
      ),
    );
    for (const [text, anchor] of user) {
      const places = found.get(text) ?? [];
      if (places.length !== 1) fail(`user text ${text} found ${places.length} times`);
      const [r, c] = places[0];
      if (anchor.kind === "between") {
        const [above, below] = [rowOfId(loc, anchor.above) ?? -1, rowOfId(loc, anchor.below) ?? -1];
        if (!(above < r && r < below && c === 0))
          fail(`user text ${text} at ${r},${c}, not between rows ${above} and ${below}`);
        continue;
      }
      const expected: [number | undefined, number] =
        anchor.kind === "column"
          ? [rowOfId(loc, anchor.id), g[loc.header].indexOf(anchor.header)]
          : anchor.kind === "right"
            ? [rowOfId(loc, anchor.id), rightEdge(g, loc) + anchor.dc]
            : anchor.kind === "below"
              ? [lastIdRow(loc) + anchor.dr, 0]
              : [-1, -1];
      if (expected[0] !== r || expected[1] !== c)
        fail(`user text ${text} at ${r},${c}, expected ${expected} (${JSON.stringify(anchor)})`);
    }
    for (const h of Array.from({ length: userHeaders }, (_, k) => `H${k}`))
      if (g[loc.header].filter((x) => x === h).length !== 1) fail(`user column ${h} lost`);
  };

  /** Refresh after checking that planRefresh writes nothing; then check the sheet. */
  const refresh = async (apply: boolean, year: number | null) => {
    const writes = wb.writes;
    const plan = await service().planRefresh(name);
    if (wb.writes !== writes) throw new Error("planRefresh wrote");
    const prevLive = liveRows(locate(values()))
      .map((x) => x.id)
      .sort();
    const applied = apply || plan.dataChanges.length === 0;
    const loc = locate(values());
    // A typed baseline that the data now gives moves to the 备注 (only when applied).
    const moved = applied
      ? [...inputs].filter(
          ([id, inp]) =>
            inp.baseline !== undefined &&
            // A typed 基期值 the data now gives as well is not lost: only a different one goes to 备注.
            planTargets(current, planId).some(
              (t) => t.id === id && !needsBaselineInput(t) && t.baselineObs?.value !== inp.baseline,
            ) &&
            loc.rowOf(id) !== undefined,
        )
      : [];
    const r = await service().refresh(
      name,
      year === null ? { applyDataChanges: apply } : { applyDataChanges: apply, year },
    );
    if (year !== null) typedYear = year;
    if (r.year !== (typedYear ?? YEAR0)) throw new Error(`result year ${r.year}`);
    for (const [, inp] of moved) {
      inp.note.push(`原基期值:${inp.baseline}`);
      inp.baseline = undefined;
    }
    check(`refresh(apply=${apply}, year=${year})`, applied, applied ? null : prevLive);
  };

  for (const s of steps) {
    const loc = locate(values());
    if (s.t === "yearly") {
      // Only the yellow yearly cells (a user column inserted between them would not be one).
      const g = values();
      const years = g[loc.header].flatMap((v) =>
        typeof v === "string" && /^\d{4}年实际值$/.test(v) ? [v] : [],
      );
      if (!years.length) continue;
      const y = Number(years[s.k % years.length].slice(0, 4));
      const { id, row } = pick(loc, s.i);
      type(row, yearCol(g, loc, y), s.v);
      entry(id).yearly.set(y, s.v);
    } else if (s.t === "actual" || s.t === "baseline" || s.t === "note") {
      const { id, row } = pick(loc, s.i);
      if (s.t === "actual") {
        type(row, loc.col("actual"), s.v);
        entry(id).actual = s.v;
      } else if (s.t === "baseline") {
        if (!wb.cell(name, a1(row, loc.col("baseline"))).input) continue; // only yellow cells
        type(row, loc.col("baseline"), s.v);
        entry(id).baseline = s.v;
      } else {
        const text = `N${serial++}`;
        type(row, loc.col("note"), text);
        entry(id).note = [text];
      }
    } else if (s.t === "year") {
      type(loc.header - 3, loc.col("subject"), s.y);
      typedYear = s.y;
    } else if (s.t === "right") {
      const { id, row } = pick(loc, s.i);
      const text = `U${serial++}`;
      type(row, rightEdge(values(), loc) + s.dc, text);
      user.set(text, { kind: "right", id, dc: s.dc });
    } else if (s.t === "below") {
      const dr = s.k + Math.max(0, ...[...user.values()].flatMap((a) => (a.kind === "below" ? [a.dr] : [])));
      const text = `U${serial++}`;
      type(lastIdRow(loc) + dr, 0, text);
      user.set(text, { kind: "below", dr });
    } else if (s.t === "column") {
      // Insert before one of our columns (found by its title), title it and fill a cell in a target row.
      const header = `H${userHeaders++}`;
      const col = s.pos;
      wb.insertColumns(name, col, 1);
      type(loc.header, col, header);
      const { id, row } = pick(loc, s.i);
      const text = `U${serial++}`;
      type(row, col, text);
      user.set(text, { kind: "column", header, id });
    } else if (s.t === "row") {
      // A user row inside the table, after a target that is not the last row (else it is a row below the table):
      // it must stay between the same two rows of ours.
      const { id, row } = pick(loc, s.i);
      const next = loc.ids.filter((x) => x.row > row).sort((a, b) => a.row - b.row)[0];
      if (!next) continue;
      wb.insertRows(name, row + 2, 1);
      const text = `U${serial++}`;
      type(row + 1, 0, text);
      const idOf = (x: string) => x.replace(/^已删除目标:/, "");
      user.set(text, { kind: "between", above: idOf(id), below: idOf(next.id) });
    } else if (s.t === "data") {
      const ts = planTargets(current, planId);
      const t = ts[s.i % ts.length];
      if (s.kind === "value") mutations.push({ kind: "value", target: t.id, value: t.threshold + s.amount });
      else if (s.kind === "add") mutations.push({ kind: "add", after: t.id, id: `${t.id}.n${serial++}` });
      else if (s.kind === "remove") {
        // Mostly a target the user typed into: the case where something could be lost.
        if (ts.length <= 1) continue;
        const typed = ts.filter((x) => inputs.has(x.id));
        const victim = typed.length && s.amount % 4 ? typed[s.i % typed.length] : t;
        mutations.push({ kind: "remove", target: victim.id });
      } else {
        // Mostly a target whose baseline the user typed: the data now giving one must not erase it.
        const open = ts.filter(needsBaselineInput);
        const typed = open.filter((x) => inputs.get(x.id)?.baseline !== undefined);
        const pool = typed.length && s.amount % 4 ? typed : open;
        if (!pool.length) continue;
        mutations.push({ kind: "baseline", target: pool[s.i % pool.length].id, value: s.amount });
      }
      current = catalogFor(mutations);
    } else await refresh(s.apply, s.year);
  }
  await refresh(true, null);
}

test(`refresh keeps every user input and duplicates no row (${NUM_RUNS} random sequences)`, async () => {
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...PLANS),
      fc.array(step, { minLength: 1, maxLength: 10 }),
      async (planId, steps) => {
        runs++;
        await runSequence(planId, steps);
      },
    ),
    { numRuns: NUM_RUNS },
  );
  expect(runs).toBeGreaterThanOrEqual(NUM_RUNS);
}, 600_000);
