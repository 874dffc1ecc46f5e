// Tab 填表 (填充我的表格): the user selects the row labels of their own report table; each is resolved as
// PLAN.TARGET resolves it; the chosen columns are written beside the table, never over a non-empty cell
// without confirmation.
import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import type { FillService } from "../../services/fill-service";
import { useCatalog, usePane } from "../context";
import { FillMessages } from "./FillMessages";
import { FillRowList } from "./FillRowList";
import { FillSourceFields } from "./FillSourceFields";
import { FillWriteOptions } from "./FillWriteOptions";
import { useFill } from "./useFill";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

export function FillTab({ fill }: { fill: FillService }) {
  const s = useStyles();
  const { onWorkbookChanged } = usePane();
  const catalog = useCatalog();
  const regions = useMemo(
    () => catalog.regions.filter((r) => r.parent === null && catalog.targetsByRegion.has(r.id)),
    [catalog],
  );
  const f = useFill(
    fill,
    {
      region: regions[0]?.name ?? "",
      year: "",
      address: "",
      columns: ["target", "baseline"],
      mode: "formulas",
      firstCol: "",
      actualCol: "",
      asOfYear: String(new Date().getFullYear() - 1),
    },
    onWorkbookChanged,
  );
  const set = (patch: Partial<typeof f.form>) => f.setForm({ ...f.form, ...patch });
  const found = f.rows.filter((r) => r.kind === "found").length;
  const problem = f.table ? f.problem() : null;

  return (
    <div className={s.root}>
      <Text size={200}>
        在自己的报表中选中行标题(指标名称)所在的单元格,按规划逐行找到目标,并在表格旁写入所选各列。
      </Text>
      <FillSourceFields form={f.form} set={set} regions={regions} />
      <Button appearance="primary" disabled={f.busy} onClick={() => void f.read()}>
        读取行标题
      </Button>
      {f.table && (
        <>
          <Text size={200} aria-live="polite">
            {f.rows.length} 行:找到 {found} 个目标,{f.rows.filter((r) => r.kind === "error").length} 行需处理
          </Text>
          <FillRowList rows={f.rows} onPick={f.pick} onSkip={f.skip} />
          <FillWriteOptions form={f.form} set={set} />
          {problem && <Text size={200}>{problem}</Text>}
          <Button
            appearance="primary"
            disabled={f.busy || problem !== null || found === 0}
            onClick={() => void f.write()}
          >
            写入 {found} 行
          </Button>
        </>
      )}
      <FillMessages
        error={f.error}
        confirm={f.confirm}
        done={f.done}
        onDismissError={() => f.setError(null)}
        onOverwrite={() => void f.write(true)}
        onCancel={() => f.setConfirm(null)}
      />
    </div>
  );
}
