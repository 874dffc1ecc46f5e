// 上报表: the printable sheet of the active progress sheet (A4 landscape, 出处 footnotes, 填报 lines), added next to
// it. Its figures are formulas reading the progress sheet, so it never needs refreshing; an existing one is kept.
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { usePane } from "./context";
import { ErrorBar } from "./ErrorBar";
import { messageOf } from "./errors";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM },
});

export function ReportSheetPanel() {
  const s = useStyles();
  const { service, onWorkbookChanged } = usePane();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ sheetName: string; rows: number } | null>(null);

  const write = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setDone(await service.writeReportSheet());
      onWorkbookChanged?.();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={s.root}>
      <Text weight="semibold">上报表</Text>
      <Text size={200}>
        在进度表上点击,为它生成可打印的上报表:A4 横向,每页重复表头并有页码,出处列为脚注,末尾有填报单位、
        填报人、审核人、填报日期。数字引用进度表,随进度表更新。
      </Text>
      <div className={s.row}>
        <Button onClick={() => void write()} disabled={busy}>
          为当前进度表生成上报表
        </Button>
        {busy && <Spinner size="extra-tiny" aria-label="正在生成" />}
      </div>
      {error && <ErrorBar message={error} onDismiss={() => setError(null)} />}
      {done && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            已生成“{done.sheetName}”({done.rows} 个目标)。打印前可在“页面布局”中预览。
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
