// 趋势图: the line chart of the indicator on the selected row (its yearly actuals against the expected path), drawn
// beside the progress sheet from a small block of formulas, so it follows what is typed afterwards.
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
import { useBusy } from "./useBusy";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM },
});

export function TrendChartPanel() {
  const s = useStyles();
  const { service, onWorkbookChanged } = usePane();
  const { busy, error, setError, run } = useBusy();
  const [done, setDone] = useState<string | null>(null);

  const draw = () =>
    run(async () => {
      setDone(null);
      const r = await service.drawTrendChart();
      setDone(r.indicator);
      onWorkbookChanged?.();
    });

  return (
    <div className={s.root}>
      <Text size={200}>
        在进度表中选中某个指标所在的行,绘制它从基期年到目标年的实际值与预期值折线(取自表格右侧的各年实际值)。
      </Text>
      <div className={s.row}>
        <Button onClick={() => void draw()} disabled={busy}>
          为所选指标绘制趋势图
        </Button>
        {busy && <Spinner size="extra-tiny" aria-label="正在绘制" />}
      </div>
      {error && <ErrorBar message={error} onDismiss={() => setError(null)} />}
      {done && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            已为“{done}”绘制趋势图(进度表右侧,替换之前的趋势图);之后填写的各年实际值会自动反映在图中。
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
