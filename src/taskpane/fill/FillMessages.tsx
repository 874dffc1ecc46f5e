// 填表's outcome: the error bar, the overwrite question (覆盖 / 取消), or how many rows were written.
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { ErrorBar } from "../ErrorBar";

export interface FillMessagesProps {
  error: string | null;
  confirm: string | null;
  done: string | null;
  onDismissError(): void;
  onOverwrite(): void;
  onCancel(): void;
}

export function FillMessages({
  error,
  confirm,
  done,
  onDismissError,
  onOverwrite,
  onCancel,
}: FillMessagesProps) {
  return (
    <>
      {error && <ErrorBar message={error} onDismiss={onDismissError} />}
      {confirm && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{confirm}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="primary" onClick={onOverwrite}>
              覆盖
            </Button>
            <Button size="small" onClick={onCancel}>
              取消
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {done && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
