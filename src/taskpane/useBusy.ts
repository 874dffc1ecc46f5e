// One pane action at a time: busy while it runs, its failure as a Chinese message (shared by the tabs).
import { useState } from "react";
import { messageOf } from "./errors";

export function useBusy() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** Run an action: clears the last error, sets busy, and turns a failure into `error`. */
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}
