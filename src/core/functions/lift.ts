// Ranges as arguments: every function that returns one value (all but LIST and SEARCH) is lifted over ranges,
// as Excel lifts its own scalar functions (=LEN(A1:A3) gives three lengths). Excel hands a range to a custom
// function as a two-dimensional array of rows (learn.microsoft.com, "Custom functions parameter options",
// Range parameters); HyperFormula and `plan eval` pass the same shape. One result per element, in the shape
// of the arguments; a failed element is its own error, the others still compute.
//
// Shapes follow Excel's broadcasting: a single value, a single row or a single column is repeated to the
// result's size (rows × columns = the largest of the arguments'). Where a larger range does not match (a
// 3-row range beside a 5-row range), Excel answers #N/A in the cells the smaller range does not reach
// (=SEQUENCE(3)+SEQUENCE(5) ends in two #N/A); so do we, with a message saying which argument is too small.
import { badValue, notFound } from "../errors";
import { FUNCTION_BY_ID, type ParamSpec } from "./functions";
import { bundledRunner, type Outcome, type Runner } from "./runner";

/** One Outcome for a call with single values; a grid of Outcomes, rows of columns, for a call with ranges. */
export type Evaluation = Outcome | Outcome[][];

/** Above this many result cells a call is refused rather than computed (a whole-column reference, B:B). */
export const MAX_LIFTED_CELLS = 100_000;

interface Shape {
  rows: number;
  cols: number;
}

/** A range as rows of values; a flat array (JSON) is one row. Undefined for a single value. */
function asRows(v: unknown): unknown[][] | undefined {
  if (!Array.isArray(v)) return undefined;
  if (v.length > 0 && v.every(Array.isArray)) return v as unknown[][];
  if (v.some(Array.isArray)) return [];
  return [v];
}

function shapeOf(rows: unknown[][]): Shape | undefined {
  const cols = rows[0]?.length ?? 0;
  if (rows.length === 0 || cols === 0 || rows.some((r) => r.length !== cols)) return undefined;
  return { rows: rows.length, cols };
}

const isMulti = (s: Shape | undefined) => s !== undefined && s.rows * s.cols > 1;

/** The element of one argument at (i, j) of the result, or why there is none. */
function elementAt(
  rows: unknown[][] | undefined,
  s: Shape | undefined,
  i: number,
  j: number,
): { value: unknown } | { missing: Shape } {
  if (!rows || !s) return { value: undefined };
  const r = s.rows === 1 ? 0 : i;
  const c = s.cols === 1 ? 0 : j;
  if (r >= s.rows || c >= s.cols) return { missing: s };
  return { value: rows[r][c] };
}

function failure(e: { code: "#N/A" | "#VALUE!"; message: string }): Outcome {
  return { ok: false, error: e.code, message: e.message, suggestions: [] };
}

/**
 * PLAN.<id> on raw arguments, any of which may be a range. Calls without a range (or only 1×1 ones) are
 * exactly runner.run(); LIST and SEARCH, which return tables themselves, are not lifted (run() refuses
 * ranges).
 */
export function evaluate(
  id: string,
  rawArgs: readonly unknown[],
  runner: Pick<Runner, "run"> = bundledRunner(),
): Evaluation {
  const spec = FUNCTION_BY_ID.get(String(id).toUpperCase() as never);
  const rows = rawArgs.map(asRows);
  const shapes = rows.map((r) => (r ? shapeOf(r) : undefined));
  const ranged = rows.some((r, k) => r !== undefined && (shapes[k] === undefined || isMulti(shapes[k])));
  if (!spec || spec.result === "matrix" || !ranged) return runner.run(id, rawArgs);
  const params: readonly (ParamSpec | undefined)[] = spec.params;
  const bad = rows.findIndex((r, k) => r !== undefined && shapes[k] === undefined);
  if (bad >= 0)
    return failure(badValue({ reason: "notRectangular", param: params[bad]?.zhName ?? String(bad + 1) }));
  const out: Shape = {
    rows: Math.max(...shapes.map((s) => s?.rows ?? 1)),
    cols: Math.max(...shapes.map((s) => s?.cols ?? 1)),
  };
  if (out.rows * out.cols > MAX_LIFTED_CELLS)
    return failure(badValue({ reason: "rangeTooLarge", shape: out, max: MAX_LIFTED_CELLS }));
  return Array.from({ length: out.rows }, (_, i) =>
    Array.from({ length: out.cols }, (_, j) => cellAt(id, rawArgs, rows, shapes, params, out, i, j, runner)),
  );
}

function cellAt(
  id: string,
  rawArgs: readonly unknown[],
  rows: (unknown[][] | undefined)[],
  shapes: (Shape | undefined)[],
  params: readonly (ParamSpec | undefined)[],
  out: Shape,
  i: number,
  j: number,
  runner: Pick<Runner, "run">,
): Outcome {
  const args: unknown[] = [];
  for (let k = 0; k < rawArgs.length; k++) {
    const e = elementAt(rows[k], shapes[k], i, j);
    if ("missing" in e) {
      const name = params[k]?.zhName ?? String(k + 1);
      return failure(
        notFound({ reason: "rangeMismatch", param: name, shape: e.missing, out, row: i + 1, col: j + 1 }),
      );
    }
    args.push(rows[k] ? e.value : rawArgs[k]);
  }
  return runner.run(id, args);
}
