// Tab 导入规划: plans beyond the bundled ones — fill the 规划目标 table (or extract it from plan text), import it
// or a pack file, see what imported, what conflicts and which cells are wrong; the plans the workbook holds.
import { Button, Divider, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import type {
  ImportOptions,
  ImportOutcome,
  ImportedPlan,
  LoadOutcome,
  PackService,
} from "../../services/pack-service";
import { usePane } from "../context";
import { ErrorBar } from "../ErrorBar";
import { ExtractPanel } from "./ExtractPanel";
import { ImportList } from "./ImportList";
import { ImportReport } from "./ImportReport";
import { useBusy } from "../useBusy";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  file: { display: "none" },
});

export interface ImportTabProps {
  imports: PackService;
  /** The start-up load of the stored plans, whose problems are shown here. */
  loading?: Promise<LoadOutcome>;
}

/** An import to run again once the user confirmed (replace a stored pack, or drop an unreadable store). */
type Retry = (opts: ImportOptions) => Promise<ImportOutcome>;

export function ImportTab({ imports, loading }: ImportTabProps) {
  const s = useStyles();
  const { onWorkbookChanged } = usePane();
  const [plans, setPlans] = useState<ImportedPlan[]>([]);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [retry, setRetry] = useState<{ run: Retry } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, setError, run } = useBusy();
  const file = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void (loading ?? imports.loadStored())
      .then((o) => {
        setPlans(o.plans);
        // What the workbook holds but could not load (damaged, or now conflicting with another plan) is shown.
        if (o.errors.length)
          setOutcome({ kind: "failed", errors: o.errors, conflicts: o.conflicts, warnings: [] });
        else if (o.conflicts.length)
          setOutcome({
            kind: "imported",
            packs: [],
            plans: o.plans,
            conflicts: o.conflicts,
            warnings: [],
            notes: [],
          });
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

  const onFile = async (f: File | undefined) => {
    if (!f) return;
    const bytes = await bytesOf(f);
    if (file.current) file.current.value = "";
    await act((o) => imports.importFromFile(f.name, bytes, o));
  };

  return (
    <div className={s.root}>
      <Text size={200}>
        导入其他地区或新发布的规划:在“规划目标”表中每行填写一个目标(原文、出处必填),或从规划文本中提取;导入后
        PLAN.* 函数、进度表和出处都按它作答。导入的规划保存在本工作簿中,同事用本加载项打开时数字相同。
      </Text>
      <div className={s.actions}>
        <Button onClick={() => void insertTemplate()} disabled={busy}>
          插入空白规划目标表
        </Button>
        <Button
          appearance="primary"
          onClick={() => void act((o) => imports.importFromSheet(undefined, o))}
          disabled={busy}
        >
          从当前工作表导入
        </Button>
        <Button onClick={() => file.current?.click()} disabled={busy}>
          导入规划包文件…
        </Button>
        <input
          ref={file}
          className={s.file}
          type="file"
          accept=".json,.xlsx"
          aria-label="规划包文件"
          onChange={(e) => void onFile(e.target.files?.[0])}
        />
      </div>
      {notice && <Text size={200}>{notice}</Text>}
      {error && <ErrorBar message={error} onDismiss={() => setError(null)} />}
      {outcome && (
        <ImportReport
          outcome={outcome}
          busy={busy}
          onConfirm={retry ? (opts) => void act(retry.run, opts) : undefined}
          onCancel={() => {
            setRetry(null);
            setOutcome(null);
          }}
        />
      )}
      <ImportList
        plans={plans}
        busy={busy}
        onRemove={(packId) => void act((o) => imports.removeImported(packId, o))}
      />
      <Divider />
      <ExtractPanel imports={imports} />
    </div>
  );
}

/** A file's bytes (FileReader: every webview Office uses has it, and so has jsdom). */
function bytesOf(f: File): Promise<Uint8Array> {
  return new Promise((ok, fail) => {
    const r = new FileReader();
    r.onload = () => ok(new Uint8Array(r.result as ArrayBuffer));
    r.onerror = () => fail(new Error(`无法读取文件“${f.name}”。`));
    r.readAsArrayBuffer(f);
  });
}
