// Tab 出处: the citation of the target row under the selection (on demand, and on selection change if fed).
import { Button, makeStyles, Spinner, Text, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState } from "react";
import type { RowSource } from "../../services/service";
import { usePane } from "../context";
import { ErrorBar } from "../ErrorBar";
import { messageOf } from "../errors";
import { SourceCard } from "./SourceCard";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, alignItems: "stretch" },
  top: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM },
});

export function SourceTab({ active }: { active: boolean }) {
  const s = useStyles();
  const { service, onSelectionChange } = usePane();
  const [source, setSource] = useState<RowSource | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);

  const load = useCallback(async () => {
    const mine = ++seq.current;
    setBusy(true);
    setError(null);
    try {
      const r = await service.sourceOfSelection();
      if (mine === seq.current) setSource(r);
    } catch (e) {
      if (mine === seq.current) setError(messageOf(e));
    } finally {
      if (mine === seq.current) setBusy(false);
    }
  }, [service]);

  useEffect(() => {
    if (active) void load();
  }, [active, load]);
  useEffect(() => {
    if (!active || !onSelectionChange) return;
    return onSelectionChange(() => void load());
  }, [active, onSelectionChange, load]);

  return (
    <div className={s.root}>
      <Text size={200}>在进度表中选中某个目标所在的行,这里显示它来自哪份规划、哪个文件和原文。</Text>
      <div className={s.top}>
        <Button onClick={() => void load()} disabled={busy}>
          刷新出处
        </Button>
        {busy && <Spinner size="extra-tiny" aria-label="正在读取" />}
      </div>
      {error && <ErrorBar message={error} onDismiss={() => setError(null)} />}
      {source === null && !error && <Text>所选单元格不在进度表的目标行上。</Text>}
      {source && <SourceCard source={source} />}
    </div>
  );
}
