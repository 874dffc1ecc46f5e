// An error message (Chinese) in a Fluent MessageBar, dismissible.
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";

export function ErrorBar({ message, onDismiss }: { message: string; onDismiss?: () => void }) {
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>操作未完成</MessageBarTitle>
        {message}
      </MessageBarBody>
      {onDismiss && (
        <MessageBarActions>
          <Button size="small" onClick={onDismiss}>
            关闭
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
