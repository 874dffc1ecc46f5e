// What the 进度表 tab's last action is doing or did: the spinner, the error bar, or the status counts.
import { Spinner } from "@fluentui/react-components";
import { ErrorBar } from "../ErrorBar";
import { StatusSummary } from "./StatusSummary";
import type { BusyKind, ShownResult } from "./useProgressActions";

const BUSY_LABEL: Record<BusyKind, string> = {
  generate: "正在生成进度表…",
  check: "正在检查规划数据…",
  refresh: "正在刷新进度表…",
};

export interface ProgressStatusProps {
  busy: BusyKind | null;
  error: string | null;
  result: ShownResult | null;
  onDismiss(): void;
}

export function ProgressStatus({ busy, error, result, onDismiss }: ProgressStatusProps) {
  return (
    <div aria-live="polite">
      {busy && <Spinner size="tiny" labelPosition="after" label={BUSY_LABEL[busy]} />}
      {error && <ErrorBar message={error} onDismiss={onDismiss} />}
      {result && !busy && <StatusSummary result={result.r} action={result.action} />}
    </div>
  );
}
