// 批量's state and actions: the chosen progress sheet (of the live list), the pasted text, its preview, the write
// (asking before it overwrites cells that hold other values) and its outcome.
import { useState } from "react";
import type { BatchPreview, BatchService } from "../../sheet/batch-actuals";
import { usePane } from "../context";
import { isCellNotEmpty, messageOf } from "../errors";
import { useBusy } from "../useBusy";
import { useProgressSheets } from "../useProgressSheets";

export function useBatch(batch: BatchService) {
  const { onWorkbookChanged } = usePane();
  const { sheets, error: listError, reload } = useProgressSheets();
  const [chosen, setSheet] = useState("");
  // The chosen sheet while it is listed, else the first one (a sheet deleted meanwhile is not offered).
  const sheet = sheets.some((x) => x.sheetName === chosen) ? chosen : (sheets[0]?.sheetName ?? "");
  const [text, setText] = useState("");
  const [preview, setPreview] = useState<BatchPreview | null>(null);
  const { busy, error, setError, run: runBusy } = useBusy();
  const [done, setDone] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<string | null>(null);

  const run = (f: () => Promise<void>) => {
    setDone(null);
    setConfirm(null);
    return runBusy(f);
  };
  const doPreview = () => run(async () => setPreview(await batch.preview(sheet, text)));
  const write = (overwrite = false) =>
    run(async () => {
      if (!preview) return;
      try {
        const n = await batch.apply(preview, overwrite);
        setDone(`已写入 ${n} 行`);
        setPreview(await batch.preview(sheet, text));
        onWorkbookChanged?.();
      } catch (e) {
        if (!overwrite && isCellNotEmpty(e)) setConfirm(messageOf(e));
        else throw e;
      }
    });
  return {
    sheets,
    sheet,
    setSheet,
    reload,
    text,
    setText,
    preview,
    busy,
    error: error ?? listError,
    dismissError: () => setError(null),
    done,
    confirm,
    cancelConfirm: () => setConfirm(null),
    doPreview,
    write,
  };
}
