// The PLAN functions in HyperFormula (a real formula engine, used by the browser preview and the tests): one
// FunctionPlugin that registers PLAN.<id> for every entry of the function table and sends every call through
// a Runner (the preview's, over its own store), so that nested formulas, cell references and spilled tables behave as in Excel.
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type ImplementedFunctions,
} from "hyperformula";
import { FUNCTIONS, type Value } from "../core/functions/functions";
import { evaluate, type Evaluation } from "../core/functions/lift";
import { bundledRunner, type Outcome, type Runner } from "../core/functions/runner";

/** Function names in formulas: PLAN.TARGET, PLAN.LIST, … (HyperFormula function ids may contain dots). */
export const HF_PREFIX = "PLAN.";

/** The shape of HyperFormula's formula syntax tree that this plugin reads (its types are not exported). */
interface Ast {
  type: string;
  value?: unknown;
  args?: Ast[];
  expression?: Ast;
  procedureName?: string;
}
type PluginState = Parameters<FunctionPlugin["evaluateAst"]>[1];
type PluginAst = Parameters<FunctionPlugin["evaluateAst"]>[0];

/** A HyperFormula value as the runner's raw argument: blanks as null, ranges as arrays, errors as error values. */
export function fromHyperFormula(v: unknown): unknown {
  if (v === EmptyValue || v === undefined) return null;
  if (v instanceof SimpleRangeValue) return v.rawData().map((row) => row.map(fromHyperFormula));
  if (v instanceof CellError) return { errorType: v.type, message: v.message };
  if (typeof v === "object" && v !== null && typeof (v as { val?: unknown }).val === "number")
    return (v as { val: number }).val; // a number with a date/percent/currency subtype
  return v;
}

const errorOf = (o: Extract<Outcome, { ok: false }>) =>
  new CellError(o.error === "#N/A" ? ErrorType.NA : ErrorType.VALUE, o.message);

/**
 * The runner's answer as a HyperFormula value: #N/A or #VALUE! with the Chinese message, tables as arrays;
 * a lifted call (ranges as arguments) as an array with an error in place of each failed element.
 */
export function toHyperFormula(result: Evaluation): CellError | SimpleRangeValue | string | number {
  if (Array.isArray(result))
    return SimpleRangeValue.onlyValues(
      result.map((row) => row.map((o) => (o.ok ? (o.value as string | number) : errorOf(o)))),
    );
  if (!result.ok) return errorOf(result);
  const v: Value = result.value;
  // A copy: the runner's memoized tables are frozen, and HyperFormula resizes and edits its arrays in place.
  return Array.isArray(v) ? SimpleRangeValue.onlyValues(v.map((row) => [...row])) : v;
}

const idOf = (procedureName: string | undefined) => String(procedureName ?? "").slice(HF_PREFIX.length);

/** Syntax that evaluates to the same constant wherever it stands (so a table's size is known when parsed). */
function isConstant(ast: Ast): boolean {
  switch (ast.type) {
    case "NUMBER":
    case "STRING":
    case "EMPTY":
      return true;
    case "MINUS_UNARY_OP":
    case "PLUS_UNARY_OP":
      return ast.value !== undefined && isConstant(ast.value as Ast);
    case "PARENTHESES":
      return ast.expression !== undefined && isConstant(ast.expression);
    default:
      return false;
  }
}

export class PlanFunctionsPlugin extends FunctionPlugin {
  /**
   * The runner every PLAN.* call goes through. HyperFormula makes its plugin instances itself, so the runner
   * rides on the class: registerPlanFunctions(runner) registers a subclass that names its own.
   */
  static readonly runner: Pick<Runner, "run"> = bundledRunner();

  private get runner(): Pick<Runner, "run"> {
    return (this.constructor as typeof PlanFunctionsPlugin).runner;
  }

  static override implementedFunctions: ImplementedFunctions = Object.fromEntries(
    FUNCTIONS.map((f) => [
      HF_PREFIX + f.id,
      {
        method: "plan",
        // ANY: the runner coerces (and reports) every argument itself; ranges arrive whole, errors propagate.
        parameters: f.params.map(() => ({ argumentType: FunctionArgumentType.ANY, optionalArg: true })),
        // Surplus arguments reach the runner too, which answers with its own Chinese message.
        repeatLastArgs: 1,
        // LIST and SEARCH: a table; the others: one value per element of their range arguments (lift.ts).
        sizeOfResultArrayMethod: f.result === "matrix" ? "planSize" : "liftedSize",
        vectorizationForbidden: true,
      },
    ]),
  );

  plan(ast: PluginAst, state: PluginState) {
    const node = ast as unknown as Ast;
    const id = idOf(node.procedureName);
    return this.runFunction(
      node.args as never,
      state,
      this.metadata(node.procedureName ?? ""),
      (...args: unknown[]) => toHyperFormula(evaluate(id, args.map(fromHyperFormula), this.runner)),
    );
  }

  /**
   * The size of LIST/SEARCH's table, which HyperFormula must know when the formula is parsed: computed when
   * the arguments are constants (=PLAN.LIST("益阳")). With cell references the size is not knowable then;
   * such a call yields one cell at the top level (HyperFormula reports #VALUE!) but works nested, e.g. in
   * =INDEX(PLAN.LIST(A1),2,1) or =COUNTA(PLAN.LIST(A1)).
   */
  planSize(ast: PluginAst, state: PluginState): ArraySize {
    const node = ast as unknown as Ast;
    const args = node.args ?? [];
    if (!args.every(isConstant)) return ArraySize.scalar();
    const values = args.map((a) => fromHyperFormula(this.evaluateAst(a as never, state)));
    const outcome = this.runner.run(idOf(node.procedureName), values);
    if (!outcome.ok || !Array.isArray(outcome.value) || outcome.value.length === 0) return ArraySize.scalar();
    return new ArraySize(outcome.value[0].length, outcome.value.length);
  }

  /**
   * The size of a lifted call, known when the formula is parsed from the sizes of its arguments: a range
   * B5:B20 gives 16 × 1; single values and cell references give one cell. Broadcast as lift.ts does: the
   * largest height and width of the arguments.
   */
  liftedSize(ast: PluginAst, state: PluginState): ArraySize {
    const sizes = ((ast as unknown as Ast).args ?? []).map((a) => this.arraySizeForAst(a as never, state));
    const width = Math.max(1, ...sizes.map((s) => s.width));
    const height = Math.max(1, ...sizes.map((s) => s.height));
    return width * height === 1 ? ArraySize.scalar() : new ArraySize(width, height);
  }
}

/** Translations: the formula names are PLAN.<id> in every language HyperFormula has registered. */
export function planTranslations(languages: readonly string[] = HyperFormula.getRegisteredLanguagesCodes()) {
  const names = Object.fromEntries(FUNCTIONS.map((f) => [HF_PREFIX + f.id, HF_PREFIX + f.id]));
  return Object.fromEntries(languages.map((lang) => [lang, names]));
}

/**
 * Registers PLAN.* over `runner` (default: the bundled plans alone) for every language registered so far.
 * HyperFormula's registry is global to the process and an engine takes the functions registered when it is
 * built: register before building workbooks. Idempotent for one runner; call it again after
 * HyperFormula.registerLanguage() for the new language to know PLAN.*, or with another runner to replace it.
 */
export function registerPlanFunctions(runner: Pick<Runner, "run"> = PlanFunctionsPlugin.runner): void {
  const first = HF_PREFIX + FUNCTIONS[0].id;
  const languages = HyperFormula.getRegisteredLanguagesCodes();
  const registered = HyperFormula.getFunctionPlugin(first) as typeof PlanFunctionsPlugin | undefined;
  const everywhere = languages.every((lang) => HyperFormula.getRegisteredFunctionNames(lang).includes(first));
  if (registered?.runner === runner && everywhere) return;
  if (registered) HyperFormula.unregisterFunctionPlugin(registered);
  const plugin =
    runner === PlanFunctionsPlugin.runner
      ? PlanFunctionsPlugin
      : class extends PlanFunctionsPlugin {
          static override readonly runner = runner;
          // HyperFormula looks each function's method up on the plugin's own prototype, not its parent's.
          override plan(...a: Parameters<PlanFunctionsPlugin["plan"]>) {
            return super.plan(...a);
          }
          override planSize(...a: Parameters<PlanFunctionsPlugin["planSize"]>) {
            return super.planSize(...a);
          }
          override liftedSize(...a: Parameters<PlanFunctionsPlugin["liftedSize"]>) {
            return super.liftedSize(...a);
          }
        };
  HyperFormula.registerFunctionPlugin(plugin, planTranslations(languages));
}
