// The workbook's warnings (e.g. manual calculation, with how to switch it to automatic) as Fluent warnings.
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { useSyncExternalStore } from "react";
import type { Notices } from "./notices";

export function NoticeBar({ notices }: { notices: Notices }) {
  const list = useSyncExternalStore(notices.subscribe, notices.current);
  return (
    <>
      {list.map((m) => (
        <MessageBar key={m} intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>请注意</MessageBarTitle>
            {m}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => notices.dismiss(m)}>
              关闭
            </Button>
          </MessageBarActions>
        </MessageBar>
      ))}
    </>
  );
}
