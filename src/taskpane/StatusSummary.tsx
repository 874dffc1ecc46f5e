// The result of a generate/refresh: sheet, rows, year and a coloured badge per status.
import { Badge, makeStyles, Text, tokens } from "@fluentui/react-components";
import { STATUS_COLORS } from "../core/layout";
import { STATUS_ORDER } from "../core/methodology";
import type { SheetResult } from "../shared/service";

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

export function StatusSummary({
  result,
  action,
}: {
  result: SheetResult;
  action: "generated" | "refreshed";
}) {
  const s = useStyles();
  const shown = STATUS_ORDER.filter((st) => (result.counts[st] ?? 0) > 0);
  return (
    <section className={s.root} aria-label="结果">
      <Text>
        {action === "generated" ? "已生成" : "已刷新"}“{result.sheetName}”:{result.rows} 项目标,评估年份{" "}
        {result.year}。
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
          “无法评估”的行缺少实际值,或缺少规划未给出的基期值:在黄色的“实际值”(及“基期值”)列填写后,状态会自动计算。
        </Text>
      )}
    </section>
  );
}
