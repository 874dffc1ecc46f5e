// State and actions of the 导入规划 tab: the stored plans (loaded at start), an import's outcome, and the
// import to run again once the user confirmed it.
import { useEffect, useState } from "react";
import type {
  ImportOptions,
  ImportOutcome,
  ImportedPlan,
  LoadOutcome,
  PackService,
} from "../../services/pack-service";
import { usePane } from "../context";
import { useBusy } from "../useBusy";

/** An import to run again once the user confirmed (replace a stored pack, or drop an unreadable store). */
type Retry = (opts: ImportOptions) => Promise<ImportOutcome>;

/** loading: the start-up load of the stored plans, whose problems are shown here (else the tab loads them). */
export function useImports(imports: PackService, loading?: Promise<LoadOutcome>) {
  const { onWorkbookChanged } = usePane();
  const [plans, setPlans] = useState<ImportedPlan[]>([]);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [retry, setRetry] = useState<{ run: Retry } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, setError, run } = useBusy();

  useEffect(() => {
    void (loading ?? imports.loadStored())
      .then((o) => {
        setPlans(o.plans);
        const problems = loadProblems(o);
        if (problems) setOutcome(problems);
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [imports, loading, setError]); // setError: a state setter, stable

  /** Run an import; on "exists"/"storeDamaged" keep it to run again with the user's confirmation. */
  const act = (f: Retry, opts: ImportOptions = {}) =>
    run(async () => {
      setNotice(null);
      const o = await f(opts);
      setOutcome(o);
      setRetry(
        o.kind === "exists" || o.kind === "storeDamaged" ? { run: (more) => f({ ...opts, ...more }) } : null,
      );
      if (o.kind === "imported" || o.kind === "removed") {
        setPlans(await imports.listImported());
        onWorkbookChanged?.();
      }
    });

  const insertTemplate = () =>
    run(async () => {
      const r = await imports.insertTableTemplate();
      setNotice(
        r.created
          ? `已插入“${r.sheetName}”表:每行一个目标,原文和出处必填;填好后点“从当前工作表导入”。`
          : `已切换到已有的“${r.sheetName}”表。`,
      );
      onWorkbookChanged?.();
    });

  return {
    plans,
    outcome,
    notice,
    busy,
    error,
    dismissError: () => setError(null),
    insertTemplate: () => void insertTemplate(),
    fromSheet: () => void act((o) => imports.importFromSheet(undefined, o)),
    fromFile: (name: string, bytes: Uint8Array) => act((o) => imports.importFromFile(name, bytes, o)),
    remove: (packId: string) => void act((o) => imports.removeImported(packId, o)),
    confirm: retry ? (opts: ImportOptions) => void act(retry.run, opts) : undefined,
    cancel: () => {
      setRetry(null);
      setOutcome(null);
    },
  };
}

/** What the workbook holds but could not load (damaged, or now conflicting with another plan); null if none. */
function loadProblems(o: LoadOutcome): ImportOutcome | null {
  if (o.errors.length) return { kind: "failed", errors: o.errors, conflicts: o.conflicts, warnings: [] };
  if (o.conflicts.length)
    return { kind: "imported", packs: [], plans: o.plans, conflicts: o.conflicts, warnings: [], notes: [] };
  return null;
}
