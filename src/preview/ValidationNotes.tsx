// Excel's data-validation messages, in the preview: the input message of the selected input cell, and the error
// alert Excel would raise for the value just typed. Excel refuses such typing; the preview keeps the value (as a
// paste into Excel keeps it), so the sheet's own check (输入检查, 状态 输入有误) can be seen.
import {
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { InputValidation } from "../core/sheet/layout";

const useStyles = makeStyles({
  prompt: {
    padding: "2px 12px",
    color: tokens.colorNeutralForeground2,
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

export function ValidationNotes({
  prompt,
  alert,
}: {
  prompt: InputValidation["prompt"] | null;
  alert: InputValidation["error"] | null;
}) {
  const s = useStyles();
  return (
    <>
      {prompt && (
        <Text size={200} className={s.prompt} role="note" aria-label="输入信息">
          {prompt.title}:{prompt.text}
        </Text>
      )}
      {alert && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{alert.title}</MessageBarTitle>
            {alert.text}(在 Excel 中此输入会被数据验证拒绝;粘贴的值不受限制,表中“输入检查”列会说明原因。)
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
