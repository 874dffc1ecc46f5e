// 生成 on a plan whose sheet has another 评估年份: ask which year the sheet should use.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";
import type { SheetYearChoice } from "../../services/service";

export interface YearChoice {
  sheetName: string;
  /** The sheet's own 评估年份 (null: blank or not a year). */
  sheetYear: number | null;
  paneYear: number;
}

export function YearChoiceDialog({
  choice,
  onChoose,
}: {
  choice: YearChoice | null;
  onChoose(c: SheetYearChoice | null): void;
}) {
  const shown = choice?.sheetYear ?? "空白";
  return (
    <Dialog open={choice !== null} onOpenChange={(_, d) => !d.open && onChoose(null)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>评估年份不一致</DialogTitle>
          <DialogContent>
            {choice &&
              `工作表“${choice.sheetName}”中的评估年份为 ${shown},窗格中为 ${choice.paneYear}。生成会保留已填写的内容,请选择使用哪个评估年份。`}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => onChoose("replace")}>
              使用 {choice?.paneYear}
            </Button>
            {choice?.sheetYear !== null && <Button onClick={() => onChoose("keep")}>保留 {shown}</Button>}
            <Button appearance="subtle" onClick={() => onChoose(null)}>
              取消
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
