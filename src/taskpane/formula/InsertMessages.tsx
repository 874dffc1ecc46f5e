// The 公式 tab's answers to an insert: the error, the overwrite question, the success.
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { ErrorBar } from "../ErrorBar";
import type { useFormulaInsert } from "./useFormulaInsert";

export function InsertMessages({ ins }: { ins: ReturnType<typeof useFormulaInsert> }) {
  const { error, confirm, done } = ins;
  return (
    <>
      {error && <ErrorBar message={error} onDismiss={ins.dismissError} />}
      {confirm && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{confirm.message}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="primary" onClick={() => void ins.insert(confirm.formula, true)}>
              覆盖
            </Button>
            <Button size="small" onClick={ins.cancelConfirm}>
              取消
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {done && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>已插入 {done}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
