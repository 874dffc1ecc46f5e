// The Excel face of the PLAN functions: a thin adapter from Excel's custom-function calling convention to the
// shared runtime's Runner (runtime.ts). Excel hands over raw cell values; the runner coerces them and answers
// with an Outcome; a failure becomes a CustomFunctions.Error (#N/A or #VALUE! with the runner's Chinese
// message).
import { FUNCTION_BY_ID, type FunctionId, type FunctionSpec, type Value } from "../core/functions/functions";
import { evaluate } from "../core/functions/lift";
import type { Outcome, Runner } from "../core/functions/runner";
import { sharedRunner } from "./runtime";

/** Number format of the fractions PROGRESS and REQUIRED_RATE return, where the host can carry one. */
export const PERCENT_FORMAT = "0.0%";

/** The part of the Office global this adapter reads. */
export interface RequirementsHost {
  context?: { requirements?: { isSetSupported(name: string, minVersion?: string): boolean } };
}

/**
 * Whether a custom function may return an Excel data type (a number with its own number format): custom
 * functions integrate with data types from CustomFunctionsRuntime 1.4 on. Asked when a formula is calculated,
 * never at build time: the same bundle runs in hosts with and without it.
 */
export function supportsFormattedNumbers(office: RequirementsHost | undefined = officeGlobal()): boolean {
  try {
    return office?.context?.requirements?.isSetSupported("CustomFunctionsRuntime", "1.4") === true;
  } catch {
    return false;
  }
}

function officeGlobal(): RequirementsHost | undefined {
  return (globalThis as { Office?: RequirementsHost }).Office;
}

export type ExcelValue = Value | Excel.DoubleCellValue;

/** A successful value as Excel gets it: percent results as a formatted double where the host supports it. */
export function present(
  value: Value,
  spec: Pick<FunctionSpec, "percent">,
  formattedNumbers: boolean,
  format: string | null = null,
): ExcelValue {
  if (!formattedNumbers || typeof value !== "number") return value;
  if (format) return { type: "Double", basicValue: value, numberFormat: format };
  if (spec.percent) return { type: "Double", basicValue: value, numberFormat: PERCENT_FORMAT };
  return value;
}

/** A failed Outcome as the error object a custom function throws. */
export function toExcelError(outcome: Extract<Outcome, { ok: false }>): CustomFunctions.Error {
  const code =
    outcome.error === "#N/A"
      ? CustomFunctions.ErrorCode.notAvailable
      : CustomFunctions.ErrorCode.invalidValue;
  return new CustomFunctions.Error(code, outcome.message);
}

/**
 * Excel data types reach `any` parameters as objects (allowCustomDataForDataTypeAny is on so that results can
 * carry a number format): a formatted number or a string cell value is read as its basic value, so that a
 * PROGRESS result can feed another formula. Error values stay objects; the runner rejects them.
 */
export function plainArg(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(plainArg);
  if (typeof v !== "object" || v === null) return v;
  const o = v as { type?: unknown; basicValue?: unknown };
  if (typeof o.type === "string" && o.type !== "Error" && "basicValue" in o) return o.basicValue;
  return v;
}

/** PLAN.<id> for Excel (over the shared runtime's store): run it, throw its error, or return its value. */
export function callExcel(
  id: FunctionId,
  args: readonly unknown[],
  runner: Runner = sharedRunner,
): ExcelValue {
  const outcome = runner.run(id, args.map(plainArg));
  if (!outcome.ok) throw toExcelError(outcome);
  return outcome.value;
}

export type ExcelCell = ExcelValue | CustomFunctions.Error;

/**
 * A function that returns one value per element of its range arguments (functions.ts declares their
 * parameters and results as matrices, so that Excel passes ranges whole and spills the answer). A call
 * with single values answers [[value]], which Excel shows in the one cell, or throws its error; a call with
 * ranges answers the grid, a failed element an error in its place (CustomFunctionsRuntime 1.2).
 */
export function callExcelLifted(
  id: FunctionId,
  args: readonly unknown[],
  runner: Runner = sharedRunner,
): ExcelCell[][] {
  const result = evaluate(id, args.map(plainArg), runner);
  const spec = FUNCTION_BY_ID.get(id);
  const formatted = (spec?.percent === true || spec?.formatOf !== undefined) && supportsFormattedNumbers();
  const cell = (o: Outcome, format: string | null = null): ExcelCell =>
    o.ok ? (spec ? present(o.value, spec, formatted, format) : o.value) : toExcelError(o);
  if (!Array.isArray(result)) {
    if (!result.ok) throw toExcelError(result);
    // One target: its own format (REQUIRED_RATE in 个百分点/年 for a share).
    return [[cell(result, formatted && spec?.formatOf ? runner.numberFormat(id, args.map(plainArg)) : null)]];
  }
  // A range may mix targets of different units: plain numbers rather than one format that misstates some.
  if (spec?.formatOf) return result.map((row) => row.map((o) => (o.ok ? o.value : toExcelError(o))));
  return result.map((row) => row.map((o) => cell(o)));
}
