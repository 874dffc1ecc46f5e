// One pane action on the workbook: what it does, its button, a spinner while it runs, its failure (ErrorBar) and
// what it did (a success bar). The 上报表 and 趋势图 panels are this with their own words.
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useState, type ReactNode } from "react";
import { usePane } from "./context";
import { ErrorBar } from "./ErrorBar";
import { useBusy } from "./useBusy";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM },
});

export interface ActionPanelProps {
  title?: string;
  intro: ReactNode;
  button: string;
  /** The spinner's label while the action runs. */
  busyLabel: string;
  /** Runs the action; resolves to the success message. */
  action(): Promise<ReactNode>;
}

export function ActionPanel({ title, intro, button, busyLabel, action }: ActionPanelProps) {
  const s = useStyles();
  const { onWorkbookChanged } = usePane();
  const { busy, error, setError, run } = useBusy();
  const [done, setDone] = useState<ReactNode>(null);

  const go = () =>
    run(async () => {
      setDone(null);
      setDone(await action());
      onWorkbookChanged?.();
    });

  return (
    <div className={s.root}>
      {title && <Text weight="semibold">{title}</Text>}
      <Text size={200}>{intro}</Text>
      <div className={s.row}>
        <Button onClick={() => void go()} disabled={busy}>
          {button}
        </Button>
        {busy && <Spinner size="extra-tiny" aria-label={busyLabel} />}
      </div>
      {error && <ErrorBar message={error} onDismiss={() => setError(null)} />}
      {done && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
