// The workbook's progress sheets, listed again whenever they may have changed: on the host's sheet events (a
// sheet added, deleted or activated) and after the pane's own writes (generate, refresh, 撤销), which tell the
// pane's feed (sheetsFeed.ts) directly: a host without sheet events still sees them.
import { useCallback, useEffect, useState } from "react";
import type { ProgressSheetInfo } from "../services/service";
import { usePane } from "./context";
import { messageOf } from "./errors";

/** The list, its reading error (null when read), and `reload` for a caller that needs the list before it goes on. */
export function useProgressSheets() {
  const { service, sheets: feed } = usePane();
  const [sheets, setSheets] = useState<ProgressSheetInfo[]>([]);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async (): Promise<ProgressSheetInfo[]> => {
    try {
      const list = await service.listProgressSheets();
      setSheets(list);
      setError(null);
      return list;
    } catch (e) {
      setError(messageOf(e));
      return [];
    }
  }, [service]);
  useEffect(() => {
    void reload();
    return feed.subscribe(() => void reload());
  }, [reload, feed]);
  return { sheets, setSheets, error, reload };
}
