// What an import did: the plans and targets imported, the conflicting targets left out, the cells to correct;
// or the question to confirm (replace a stored pack, drop an unreadable store).
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { Conflict } from "../../core/packs/pack-import";
import type { ImportOptions, ImportOutcome } from "../../services/pack-service";

const useStyles = makeStyles({
  // A line may hold a long run without spaces (a file name, a value as typed): it wraps inside the 320 px pane.
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
});

/** Lines shown at most per list (the rest counted). */
const SHOWN = 30;

export interface ImportReportProps {
  outcome: ImportOutcome;
  busy: boolean;
  /** Run the import again with the confirmation; absent when there is nothing to confirm. */
  onConfirm?: (opts: ImportOptions) => void;
  onCancel(): void;
}

export function ImportReport({ outcome: o, busy, onConfirm, onCancel }: ImportReportProps) {
  if (o.kind === "exists" || o.kind === "storeDamaged")
    return <Confirm outcome={o} busy={busy} onConfirm={onConfirm} onCancel={onCancel} />;
  if (o.kind === "invalid")
    return (
      <Lines intent="error" title="有需要修正的内容,未导入任何规划" lines={o.errors} extra={o.warnings} />
    );
  if (o.kind === "failed")
    return (
      <>
        <Lines intent="error" title="未导入" lines={o.errors} extra={o.warnings} />
        <Conflicts conflicts={o.conflicts} />
      </>
    );
  const title =
    o.kind === "removed"
      ? `已移除“${o.pack.name}”`
      : `已导入 ${o.plans.length} 份规划、${o.plans.reduce((n, p) => n + p.targets, 0)} 个目标`;
  return (
    <>
      <Lines
        intent="success"
        title={title}
        lines={
          o.kind === "imported" ? [...o.plans.map((p) => `${p.name}:${p.targets} 个目标`), ...o.notes] : []
        }
        extra={o.warnings}
      />
      <Conflicts conflicts={o.conflicts} />
    </>
  );
}

function Lines(p: { intent: "error" | "success"; title: string; lines: string[]; extra: string[] }) {
  const s = useStyles();
  return (
    <MessageBar intent={p.intent} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{p.title}</MessageBarTitle>
        <ul className={s.list}>
          {p.lines.slice(0, SHOWN).map((l) => (
            <li key={l}>{l}</li>
          ))}
          {p.extra.slice(0, SHOWN).map((l) => (
            <li key={`提示${l}`}>提示:{l}</li>
          ))}
        </ul>
        {p.lines.length > SHOWN && <Text size={200}>……另有 {p.lines.length - SHOWN} 条未列出</Text>}
      </MessageBarBody>
    </MessageBar>
  );
}

function Conflicts({ conflicts }: { conflicts: Conflict[] }) {
  const s = useStyles();
  if (!conflicts.length) return null;
  return (
    <section aria-label="冲突的目标">
      <Text weight="semibold">{conflicts.length} 个目标与已有目标冲突,未导入(原有目标保持不变):</Text>
      <ul className={s.list}>
        {conflicts.slice(0, SHOWN).map((c) => (
          <li key={`${c.packId}|${c.targetLabel}|${c.region}|${c.year}`}>
            <Text size={200}>{c.message}</Text>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Confirm(p: {
  outcome: Extract<ImportOutcome, { kind: "exists" | "storeDamaged" }>;
  busy: boolean;
  onConfirm?: (opts: ImportOptions) => void;
  onCancel(): void;
}) {
  const o = p.outcome;
  const text =
    o.kind === "exists"
      ? `工作簿中已有同一编号的规划包:${o.packs.map((x) => `“${x.storedName}”(${x.id})`).join("、")}。替换后,原来导入的目标将被新内容取代;不替换则不作任何更改。`
      : `存放已导入规划的表中有无法读取的内容(可能被手工改动过):${o.errors.join(";")}。继续将丢弃无法读取的部分,其余规划保留。`;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>{text}</MessageBarBody>
      <MessageBarActions>
        <Button
          size="small"
          appearance="primary"
          disabled={p.busy || !p.onConfirm}
          onClick={() => p.onConfirm?.(o.kind === "exists" ? { replace: true } : { discardDamaged: true })}
        >
          {o.kind === "exists" ? "替换" : "丢弃并继续"}
        </Button>
        <Button size="small" onClick={p.onCancel}>
          取消
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
