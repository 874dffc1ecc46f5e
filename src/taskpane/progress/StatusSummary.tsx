// The result of a generate/refresh: sheet, rows, year and a coloured badge per status.
import { Badge, makeStyles, Text, tokens } from "@fluentui/react-components";
import { STATUS_COLORS } from "../../core/sheet/layout";
import { SHEET_STATUS_ORDER } from "../../core/method/methodology";
import type { SheetResult } from "../../services/service";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  badges: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
    listStyleType: "none",
    margin: 0,
    padding: 0,
  },
});

/** What the counts are: the result of 生成 / 刷新, or the sheet's own COUNTIF row as it is now. */
export type SummaryAction = "generated" | "refreshed" | "current";
const ACTION_LABEL: Record<SummaryAction, string> = {
  generated: "已生成",
  refreshed: "已刷新",
  current: "当前",
};

export function StatusSummary({ result, action }: { result: SheetResult; action: SummaryAction }) {
  const s = useStyles();
  const shown = SHEET_STATUS_ORDER.filter((st) => (result.counts[st] ?? 0) > 0);
  return (
    <section className={s.root} aria-label="结果">
      <Text>
        {ACTION_LABEL[action]}“{result.sheetName}”:{result.rows} 项目标,评估年份 {result.year || "未填写"}。
      </Text>
      <ul className={s.badges} aria-label="各状态目标数">
        {shown.map((st) => (
          <li key={st}>
            <Badge
              appearance="filled"
              shape="rounded"
              size="large"
              style={{ backgroundColor: `#${STATUS_COLORS[st].fill}`, color: `#${STATUS_COLORS[st].font}` }}
            >
              {st} {result.counts[st]}
            </Badge>
          </li>
        ))}
      </ul>
      {shown.includes("无法评估") && (
        <Text size={200}>
          “无法评估”的行缺少实际值,或缺少规划未给出的基期值:在表格右侧黄色的评估年份当年实际值(及“基期值”)列填写后,状态会自动计算。
        </Text>
      )}
      {shown.includes("输入有误") && (
        <Text size={200}>“输入有误”的行:原因见表中“输入检查”列;请填写数字(百分比填 2.1 表示 2.1%)。</Text>
      )}
      {result.typedFormats.length > 0 && (
        <section aria-label="格式有误的输入">
          <Text size={200}>
            以下单元格按百分数或日期输入,表中公式按存储的数值计算(看不到单元格格式),请改正:
          </Text>
          <ul>
            {result.typedFormats.map((m) => (
              <li key={m}>
                <Text size={200}>{m}</Text>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
