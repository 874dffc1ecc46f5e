// 上报表: the printable sheet of the active progress sheet (A4 landscape, 出处 footnotes, 填报 lines), added next to
// it. Its figures are formulas reading the progress sheet, so it never needs refreshing; an existing one is kept.
import { ActionPanel } from "../ActionPanel";
import { usePane } from "../context";

export function ReportSheetPanel() {
  const { service } = usePane();
  return (
    <ActionPanel
      title="上报表"
      intro="在进度表上点击,为它生成可打印的上报表:A4 横向,每页重复表头并有页码,出处列为脚注,末尾有填报单位、填报人、审核人、填报日期。数字引用进度表,随进度表更新。"
      button="为当前进度表生成上报表"
      busyLabel="正在生成"
      action={async () => {
        const r = await service.writeReportSheet();
        return `已生成“${r.sheetName}”(${r.rows} 个目标)。打印前可在“页面布局”中预览。`;
      }}
    />
  );
}
