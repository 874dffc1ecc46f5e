// 撤销上一步: Office.js writes are not on Excel's Ctrl+Z list, so the pane offers one level of undo of its own
// writes (生成, 刷新, 填表, 批量填写, 转为数值), naming what it will undo.
import {
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  tokens,
} from "@fluentui/react-components";
import type { UndoService } from "../workbook/undo";
import { ErrorBar } from "./ErrorBar";
import { useUndo } from "./useUndo";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  // A long sheet name wraps inside the button rather than widening the 320 px pane.
  button: { alignSelf: "flex-start", maxWidth: "100%", whiteSpace: "normal", textAlign: "left" },
});

export function UndoBar({ undo }: { undo: UndoService }) {
  const s = useStyles();
  const { label, busy, error, done, perform, dismiss } = useUndo(undo);
  return (
    <div className={s.root}>
      <Button
        className={s.button}
        size="small"
        disabled={!label || busy}
        onClick={() => void perform()}
        aria-describedby="undo-hint"
      >
        {label ? `撤销:${label}` : "撤销上一步"}
      </Button>
      <Caption1 id="undo-hint">
        只能撤销本加载项最近一次写入(恢复单元格内容和数字格式);Excel 的 Ctrl+Z 撤销不了这些写入。
      </Caption1>
      {done && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{done}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={dismiss}>
              关闭
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {error && <ErrorBar message={error} onDismiss={dismiss} />}
    </div>
  );
}
