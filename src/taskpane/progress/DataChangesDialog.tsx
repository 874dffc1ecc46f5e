// Bundled-data changes found before a refresh: shown in full, applied only when the user confirms.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { DataChange, RefreshPlan } from "../../services/service";
import { OverwrittenList } from "./OverwrittenList";

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  quote: {
    display: "block",
    color: tokens.colorNeutralForeground3,
    borderLeft: `3px solid ${tokens.colorNeutralStroke2}`,
    paddingLeft: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalXXS,
  },
  content: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    maxHeight: "50vh",
    overflowY: "auto",
  },
});

const show = (v: DataChange["old"]) => (v === null || v === "" ? "(空)" : String(v));

export interface DataChangesDialogProps {
  plan: RefreshPlan | null;
  onApply(): void;
  onKeep(): void;
  onCancel(): void;
}

export function DataChangesDialog({ plan, onApply, onKeep, onCancel }: DataChangesDialogProps) {
  const s = useStyles();
  return (
    <Dialog open={plan !== null} onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>
            {plan?.dataChanges.length === 0 ? "刷新将改写手填的数值" : "内置规划数据有更新"}
          </DialogTitle>
          <DialogContent className={s.content}>
            {plan && <OverwrittenList cells={plan.overwritten} />}
            {plan && plan.dataChanges.length > 0 && (
              <>
                <Text>
                  “{plan.sheetName}”中有 {plan.dataChanges.length}{" "}
                  处与加载项内置的规划数据不同。应用后将改写这些单元格;已填写的 {plan.preservedInputs}{" "}
                  项内容(实际值、基期值、备注等)都会保留。
                </Text>
                <ol className={s.list} aria-label="数据变化">
                  {plan.dataChanges.map((c, i) => (
                    <li key={`${c.targetId}-${c.field}-${i}`}>
                      <Text weight="semibold">
                        {c.indicator}({c.subject})
                      </Text>
                      <Text>
                        {" "}
                        {c.field}:{show(c.old)} → {show(c.new)}
                      </Text>
                      <Text size={200} className={s.quote}>
                        原文:“{c.quote}”
                      </Text>
                    </li>
                  ))}
                </ol>
              </>
            )}
          </DialogContent>
          <DialogActions fluid>
            {plan?.dataChanges.length === 0 ? (
              <Button appearance="primary" onClick={onKeep}>
                改写并刷新
              </Button>
            ) : (
              <>
                <Button appearance="primary" onClick={onApply}>
                  应用更改并刷新
                </Button>
                <Button onClick={onKeep}>不应用,仅刷新</Button>
              </>
            )}
            <Button appearance="subtle" onClick={onCancel}>
              取消
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
