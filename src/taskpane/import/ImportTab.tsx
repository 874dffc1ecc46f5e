// Tab 导入规划: plans beyond the bundled ones — fill the 规划目标 table (or extract it from plan text), import it
// or a pack file, see what imported, what conflicts and which cells are wrong; the plans the workbook holds.
import { Divider, makeStyles, Text, tokens } from "@fluentui/react-components";
import type { LoadOutcome, PackService } from "../../services/pack-service";
import { ErrorBar } from "../ErrorBar";
import { ExtractPanel } from "./ExtractPanel";
import { ImportActions } from "./ImportActions";
import { ImportList } from "./ImportList";
import { ImportReport } from "./ImportReport";
import { useImports } from "./useImports";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

export interface ImportTabProps {
  imports: PackService;
  /** The start-up load of the stored plans, whose problems are shown here. */
  loading?: Promise<LoadOutcome>;
}

export function ImportTab({ imports, loading }: ImportTabProps) {
  const s = useStyles();
  const m = useImports(imports, loading);
  return (
    <div className={s.root}>
      <Text size={200}>
        导入其他地区或新发布的规划:在“规划目标”表中每行填写一个目标(原文、出处必填),或从规划文本中提取;导入后
        PLAN.* 函数、进度表和出处都按它作答。导入的规划保存在本工作簿中,同事用本加载项打开时数字相同。
      </Text>
      <ImportActions busy={m.busy} onTemplate={m.insertTemplate} onSheet={m.fromSheet} onFile={m.fromFile} />
      {m.notice && <Text size={200}>{m.notice}</Text>}
      {m.error && <ErrorBar message={m.error} onDismiss={m.dismissError} />}
      {m.outcome && (
        <ImportReport outcome={m.outcome} busy={m.busy} onConfirm={m.confirm} onCancel={m.cancel} />
      )}
      <ImportList plans={m.plans} busy={m.busy} onRemove={m.remove} />
      <Divider />
      <ExtractPanel imports={imports} />
    </div>
  );
}
