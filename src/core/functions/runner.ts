// The one runner: coerces raw arguments (from Excel, HyperFormula or JSON), calls a function body from the
// table and maps every failure to an Excel error with a Chinese message. It never throws.
import { bundledCatalog } from "../catalog/catalog";
import type { CatalogStore } from "../catalog/store";
import { PlanError, badValue, type ErrorCode } from "../errors";
import { coreMessage } from "../messages";
import { MAX_ABS } from "../method/methodology";
import { readYear } from "../method/years";
import {
  contextOf,
  FUNCTION_BY_ID,
  type Args,
  type Context,
  type FunctionSpec,
  type ParamSpec,
  type Value,
} from "./functions";

export type Outcome =
  { ok: true; value: Value } | { ok: false; error: ErrorCode; message: string; suggestions: string[] };

export { MAX_ABS }; // also the limit of typed actuals (shared/actuals.ts)
const MAX_TEXT = 32767; // Excel's cell limit

/** An Excel error value as the hosts hand it over (HyperFormula CellError, Excel's error objects, Error). */
function isErrorValue(v: unknown): boolean {
  if (v instanceof Error) return true;
  if (typeof v !== "object" || v === null) return false;
  const o = v as Record<string, unknown>;
  return (
    o.type === "ERROR" ||
    typeof o.errorType === "string" ||
    (typeof o.value === "string" && /^#/.test(o.value))
  );
}

/** A 1×1 range arrives as [[x]]; anything bigger is not one value. */
function unwrap(v: unknown, p: ParamSpec): unknown {
  if (!Array.isArray(v)) return v;
  if (v.length === 1 && Array.isArray(v[0]) && v[0].length === 1) return v[0][0];
  if (v.length === 1 && !Array.isArray(v[0])) return v[0];
  throw badValue({ reason: "notSingleValue", param: p });
}

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

export function coerce(raw: unknown, p: ParamSpec): string | number | null {
  const v = unwrap(raw, p);
  if (isErrorValue(v)) throw badValue({ reason: "errorArgument", param: p });
  if (p.cell) return cellNumber(v, p);
  if (isBlank(v)) {
    if (p.optional || p.blankIsNull) return null;
    throw badValue({ reason: "missingArgument", param: p });
  }
  if (typeof v === "boolean") throw badValue({ reason: "logicalArgument", param: p, value: v });
  switch (p.type) {
    case "text": {
      if (typeof v === "number") return String(v);
      if (typeof v !== "string") throw badValue({ reason: "notText", param: p });
      if (v.length > MAX_TEXT) throw badValue({ reason: "textTooLong", param: p, length: v.length });
      return v.trim();
    }
    case "year": {
      const n = typeof v === "number" || typeof v === "string" ? readYear(v) : null;
      if (n === null) throw badValue({ reason: "badYear", param: p, value: v });
      return n;
    }
    case "number": {
      const n = typeof v === "number" ? v : typeof v === "string" ? parseNumberText(v) : NaN;
      if (!Number.isFinite(n)) throw badValue({ reason: "notNumber", param: p, value: v });
      if (Math.abs(n) > MAX_ABS)
        throw badValue({ reason: "numberTooLarge", param: p, value: n, hint: false });
      return n;
    }
  }
}

/**
 * A progress-sheet input (实际值, 评估年份) as the sheet's formulas read it: only a number is a number, so text
 * that looks like one ("470", "1,234", "４７０", "2.1%") is refused here as the sheet refuses it; only an empty
 * cell (or "") is blank.
 */
function cellNumber(v: unknown, p: ParamSpec): number | null {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "boolean") throw badValue({ reason: "logicalArgument", param: p, value: v });
  if (typeof v === "string") throw badValue({ reason: "textAsNumber", param: p, text: v });
  if (typeof v !== "number" || !Number.isFinite(v))
    throw badValue({ reason: "notNumber", param: p, value: v });
  if (p.type === "year" && readYear(v) === null) throw badValue({ reason: "badYear", param: p, value: v });
  if (Math.abs(v) > MAX_ABS) throw badValue({ reason: "numberTooLarge", param: p, value: v, hint: true });
  return v;
}

function parseNumberText(s: string): number {
  const t = s.normalize("NFKC").trim().replace(/,/g, "");
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t) ? Number(t) : NaN;
}

/** Significant digits every numeric result is rounded to, once, here (484.8, not 484.79999999999995). */
export const RESULT_DIGITS = 12;
const round = (x: number) => {
  const r = Number(x.toPrecision(RESULT_DIGITS));
  return r === 0 ? 0 : r; // no −0
};

/** A finite result, with binary noise rounded away (the same rule as units.ts for conversions). */
function check(v: Value, spec: FunctionSpec): Value {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw badValue({ reason: "resultOutOfRange", fn: spec.id });
    return round(v);
  }
  if (Array.isArray(v)) return v.map((row) => row.map((c) => (typeof c === "number" ? round(c) : c)));
  return v;
}

// Results are pure functions of the arguments and the catalog, so a Runner memoizes scalar argument lists: a
// recalculation of thousands of cells costs a few Map lookups per cell. The memo belongs to one catalog: when
// the store holds another (plans were imported), the runner drops it and makes a new context.
// Per function id, one tree per argument count; each level is keyed by one argument, the last level
// holds the Outcome.
type MemoNode = Map<unknown, MemoNode | Outcome>;
type MemoRoots = (MemoNode | Outcome | undefined)[];
const MEMO_LIMIT = 100_000;

function isScalar(v: unknown): boolean {
  return (
    v === null || v === undefined || typeof v === "string" || typeof v === "number" || typeof v === "boolean"
  );
}

/** The PLAN functions over the catalog a store holds, with a memo of their outcomes. One per face. */
export class Runner {
  private readonly memo = new Map<string, MemoRoots>();
  private memoSize = 0;
  private lastId = "";
  private lastRoots: MemoRoots | undefined;
  private ctx: Context | null = null;

  constructor(private readonly store: Pick<CatalogStore, "current">) {}

  /** The store's catalog and its resolver; made again (and the memo dropped) once the store holds another. */
  context(): Context {
    const catalog = this.store.current();
    if (this.ctx?.catalog !== catalog) {
      this.forget();
      this.ctx = contextOf(catalog);
    }
    return this.ctx;
  }

  /**
   * Run PLAN.<id> on raw arguments. Missing trailing arguments count as omitted.
   * ctx: another catalog than the store's (tests); such calls are not memoized.
   */
  run(id: string, rawArgs: readonly unknown[], ctx?: Context): Outcome {
    if (ctx !== undefined) return runUncached(id, rawArgs, ctx);
    const current = this.context();
    const n = rawArgs.length;
    const roots = id === this.lastId ? this.lastRoots : this.memo.get(id);
    let node = roots?.[n];
    for (let i = 0; node !== undefined && i < n; i++) node = (node as MemoNode).get(rawArgs[i] ?? null);
    if (node !== undefined) return node as Outcome;
    const out = runUncached(id, rawArgs, current);
    if (n <= 8 && rawArgs.every(isScalar)) this.remember(id, rawArgs, out);
    return out;
  }

  /**
   * The number format of PLAN.<id>'s result for these raw arguments where it depends on the target (spec.formatOf);
   * null where it does not, or where the arguments name no target (the outcome then says why).
   */
  numberFormat(id: string, rawArgs: readonly unknown[]): string | null {
    const spec = FUNCTION_BY_ID.get(String(id).toUpperCase() as never);
    if (!spec?.formatOf || rawArgs.length > spec.params.length) return null;
    try {
      return spec.formatOf(
        spec.params.map((p, i) => coerce(rawArgs[i], p)),
        this.context(),
      );
    } catch {
      return null;
    }
  }

  /** Outcomes of another catalog no longer hold. */
  private forget() {
    this.memo.clear();
    this.memoSize = 0;
    this.lastId = "";
    this.lastRoots = undefined;
  }

  private remember(id: string, rawArgs: readonly unknown[], out: Outcome) {
    if (this.memoSize >= MEMO_LIMIT) {
      this.memo.clear();
      this.memoSize = 0;
    }
    let roots = this.memo.get(id);
    if (!roots) this.memo.set(id, (roots = []));
    this.lastId = id;
    this.lastRoots = roots;
    const n = rawArgs.length;
    const frozen = deepFreeze(out);
    if (n === 0) {
      roots[0] = frozen;
    } else {
      let node = (roots[n] ??= new Map()) as MemoNode;
      for (let i = 0; i < n - 1; i++) {
        const k = rawArgs[i] ?? null;
        let next = node.get(k) as MemoNode | undefined;
        if (!next) node.set(k, (next = new Map()));
        node = next;
      }
      node.set(rawArgs[n - 1] ?? null, frozen);
    }
    this.memoSize++;
  }
}

// The runner of the bundled plans alone, made on first use. Its memo only saves work: the bundled catalog
// never changes, so no answer depends on what was asked before. Faces never use it: each runs its own Runner
// over its own store (a store's imports must reach its formulas); tests and tools that need no imports do.
const bundled: { runner?: Runner } = {};
/** The Runner over the bundled plans alone (no imports). */
export function bundledRunner(): Runner {
  return (bundled.runner ??= new Runner({ current: bundledCatalog }));
}

/** PLAN.<id> over the bundled plans alone: bundledRunner().run. ctx: another catalog (not memoized). */
export function run(id: string, rawArgs: readonly unknown[], ctx?: Context): Outcome {
  return bundledRunner().run(id, rawArgs, ctx);
}

/** Memoized outcomes are shared: freeze them (and their tables) so no caller can change another's result. */
function deepFreeze<T>(o: T): T {
  if (typeof o === "object" && o !== null && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

function runUncached(id: string, rawArgs: readonly unknown[], ctx: Context): Outcome {
  try {
    const spec = FUNCTION_BY_ID.get(String(id).toUpperCase() as never);
    if (!spec) {
      const ids = [...FUNCTION_BY_ID.keys()];
      throw badValue({ reason: "unknownFunction", id: String(id), ids }, ids.slice(0, 3));
    }
    if (rawArgs.length > spec.params.length)
      throw badValue({
        reason: "tooManyArguments",
        fn: spec.id,
        max: spec.params.length,
        got: rawArgs.length,
      });
    const args: Args = spec.params.map((p, i) => coerce(rawArgs[i], p));
    return { ok: true, value: check(spec.impl(args, ctx), spec) };
  } catch (e) {
    if (e instanceof PlanError)
      return { ok: false, error: e.code, message: e.message, suggestions: e.suggestions };
    const msg = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      error: "#VALUE!",
      message: coreMessage({ reason: "internal", detail: msg.slice(0, 200) }),
      suggestions: [],
    };
  }
}
