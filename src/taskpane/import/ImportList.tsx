// The plans this workbook holds beyond the bundled ones: name, 出处, targets; removal asks once more.
import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { ImportedPlan } from "../../services/pack-service";

const useStyles = makeStyles({
  list: {
    margin: 0,
    padding: 0,
    listStyle: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  item: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  source: { color: tokens.colorNeutralForeground3, wordBreak: "break-all" },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

export function ImportList(p: { plans: ImportedPlan[]; busy: boolean; onRemove(packId: string): void }) {
  const s = useStyles();
  const [asking, setAsking] = useState<string | null>(null);
  return (
    <section aria-label="已导入的规划">
      <Text weight="semibold">已导入的规划</Text>
      {p.plans.length === 0 && <Text size={200}>(无)本工作簿只使用内置的规划。</Text>}
      <ul className={s.list}>
        {p.plans.map((x) => (
          <li key={x.planId} className={s.item}>
            <Text>
              {x.name}:{x.targets} 个目标
            </Text>
            <Text size={200} className={s.source}>
              出处:{x.source}
            </Text>
            <div className={s.row}>
              {asking === x.packId ? (
                <>
                  <Text size={200}>移除“{x.packName}”?用到它的 PLAN.* 公式将返回 #N/A。</Text>
                  <Button
                    size="small"
                    appearance="primary"
                    disabled={p.busy}
                    onClick={() => (setAsking(null), p.onRemove(x.packId))}
                  >
                    确认移除
                  </Button>
                  <Button size="small" onClick={() => setAsking(null)}>
                    取消
                  </Button>
                </>
              ) : (
                <Button
                  size="small"
                  disabled={p.busy}
                  onClick={() => setAsking(x.packId)}
                  aria-label={`移除 ${x.name}`}
                >
                  移除
                </Button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
