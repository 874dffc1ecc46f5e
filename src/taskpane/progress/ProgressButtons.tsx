// 生成 and 刷新, disabled while an action runs or when the year or the sheet is missing.
import { Button, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

export interface ProgressButtonsProps {
  busy: boolean;
  canGenerate: boolean;
  canRefresh: boolean;
  onGenerate(): void;
  onRefresh(): void;
}

export function ProgressButtons({
  busy,
  canGenerate,
  canRefresh,
  onGenerate,
  onRefresh,
}: ProgressButtonsProps) {
  const s = useStyles();
  return (
    <div className={s.buttons}>
      <Button appearance="primary" disabled={busy || !canGenerate} onClick={onGenerate}>
        生成
      </Button>
      <Button disabled={busy || !canRefresh} onClick={onRefresh}>
        刷新
      </Button>
    </div>
  );
}
