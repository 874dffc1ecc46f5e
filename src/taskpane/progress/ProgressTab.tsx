// Tab 进度表: choose a plan and a year, generate or refresh its progress sheet, see the counts per status.
import { makeStyles, Switch, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { DataChangesDialog } from "./DataChangesDialog";
import { PlanPicker } from "./PlanPicker";
import { ProgressButtons } from "./ProgressButtons";
import { ProgressStatus } from "./ProgressStatus";
import { TrendChartPanel } from "./TrendChartPanel";
import { useActiveSheet } from "../useActiveSheet";
import { useFollowActiveSheet } from "./useFollowActiveSheet";
import { usePlanChoice } from "./usePlanChoice";
import { useProgressActions, type ShownResult } from "./useProgressActions";
import { useProgressSheets } from "../useProgressSheets";
import { YearChoiceDialog } from "./YearChoiceDialog";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
});

export function ProgressTab({ active: shown = true }: { active?: boolean }) {
  const s = useStyles();
  const { sheets, setSheets, error: listError } = useProgressSheets();
  const [result, setResult] = useState<ShownResult | null>(null);
  const choice = usePlanChoice(sheets, () => setResult(null));
  /** 设置 保护公式列 (on by default; the service protects unless told otherwise): for this pane session. */
  const [protect, setProtect] = useState(true);
  const { active, reread } = useActiveSheet(shown);
  useFollowActiveSheet(active, choice, setSheets, setResult);
  const act = useProgressActions({ choice, protect, setResult, reread });
  const { sheet, year } = choice;
  const busy = act.busy !== null;

  return (
    <div className={s.root}>
      <PlanPicker
        catalog={choice.catalog}
        regionId={choice.regionId}
        planId={choice.planId}
        yearText={choice.yearText}
        disabled={busy}
        onRegion={choice.chooseRegion}
        onPlan={choice.choosePlan}
        onYear={choice.typeYear}
      />
      <Switch
        label="保护公式列(公式锁定、填写格可改;无密码,可在“审阅”中撤销)"
        checked={protect}
        disabled={busy}
        onChange={(_, d) => setProtect(d.checked)}
      />
      <Text size={200}>
        {sheet
          ? `工作簿中已有“${sheet.sheetName}”;生成或刷新都会保留已填写的内容。`
          : "工作簿中尚无此规划的进度表。"}
      </Text>
      <ProgressButtons
        busy={busy}
        canGenerate={year !== null && choice.planId !== ""}
        canRefresh={sheet !== null && !(choice.yearTouched && year === null)}
        onGenerate={act.generate}
        onRefresh={act.refresh}
      />
      <ProgressStatus
        busy={act.busy}
        error={act.error ?? listError}
        result={result}
        onDismiss={act.dismissError}
      />
      {sheet && <TrendChartPanel />}
      <YearChoiceDialog choice={act.askYear} onChoose={act.chooseYear} />
      <DataChangesDialog
        plan={act.pending}
        onApply={() => act.closeDialog(true)}
        onKeep={() => act.closeDialog(false)}
        onCancel={() => act.closeDialog(null)}
      />
    </div>
  );
}
