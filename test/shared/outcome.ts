// One outcome helper for the tests of PLAN.* results (runner.ts Outcome): the value, or the whole failure.
import type { Outcome } from "../../src/core/functions/runner";
import type { ErrorCode } from "../../src/core/errors";

/** The value of a success; a failure as it is (so `toBe(600)` shows the message when it fails). */
export const valueOf = (o: Outcome) => (o.ok ? o.value : o);

/** Asserts a failure with that error code and returns it (its message and suggestions). */
export function expectFailure(o: Outcome, error: ErrorCode = "#N/A"): Extract<Outcome, { ok: false }> {
  expect(o).toMatchObject({ ok: false, error });
  if (o.ok) throw new Error("unreachable");
  return o;
}
