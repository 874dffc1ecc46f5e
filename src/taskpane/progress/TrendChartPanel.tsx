// 趋势图: the line chart of the indicator on the selected row (its yearly actuals against the expected path), drawn
// beside the progress sheet from a small block of formulas, so it follows what is typed afterwards.
import { ActionPanel } from "../ActionPanel";
import { usePane } from "../context";

export function TrendChartPanel() {
  const { service } = usePane();
  return (
    <ActionPanel
      intro="在进度表中选中某个指标所在的行,绘制它从基期年到目标年的实际值与预期值折线(取自表格右侧的各年实际值)。"
      button="为所选指标绘制趋势图"
      busyLabel="正在绘制"
      action={async () => {
        const r = await service.drawTrendChart();
        return `已为“${r.indicator}”绘制趋势图(进度表右侧,替换之前的趋势图);之后填写的各年实际值会自动反映在图中。`;
      }}
    />
  );
}
