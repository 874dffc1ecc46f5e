// The task pane in Excel: the Office.js workbook behind the service; the pane renders once Office is ready.
import { createRoot } from "react-dom/client";
import { createBatchService } from "../sheet/batch-actuals";
import { createFillService } from "../services/fill-service";
import { OfficeWorkbook } from "../workbook/office-workbook";
import { createPackService } from "../services/pack-service";
import { createProgressService } from "../services/progress-service";
import { answeredYet, sharedStore } from "../functions/runtime";
import { App } from "./App";
import { Notices } from "./notices";
import { UndoLog } from "../workbook/undo";
import type { SelectionFeed } from "./context";

// Selection changes (Office common API, no Excel.run): the 出处 tab re-reads the source while it is shown.
const listeners = new Set<() => void>();
const onSelectionChange: SelectionFeed = (l) => {
  listeners.add(l);
  return () => void listeners.delete(l);
};

Office.onReady(() => {
  document.body.style.margin = "0";
  // Where the host lacks the event, the 刷新出处 button still works; the failure needs no message.
  Office.context.document.addHandlerAsync(Office.EventType.DocumentSelectionChanged, () =>
    listeners.forEach((l) => l()),
  );
  // Warnings after a write (manual calculation…) are shown in the pane; 撤销上一步 records the services' writes.
  const notices = new Notices();
  const workbook = new OfficeWorkbook({ onWarning: notices.push });
  const undo = new UndoLog(workbook);
  // The shared runtime: this page also hosts PLAN.* (functions.js), and both answer from its one store. The
  // plans the workbook stores are imported into it here, at start-up, for the functions and the pane alike;
  // the workbook recalculates when its packs differ from those its cells were computed with, or when a PLAN.*
  // cell was computed in this page before the import (it answered without them).
  const store = sharedStore;
  const imports = createPackService(workbook, store);
  const importsLoading = imports.loadStored({ answeredBefore: answeredYet });
  const service = createProgressService(workbook, store, { undo });
  createRoot(document.getElementById("root")!).render(
    <App
      service={service}
      store={store}
      fill={createFillService(workbook, store, undo)}
      batch={createBatchService(workbook, store, undo)}
      undo={undo}
      notices={notices}
      imports={imports}
      importsLoading={importsLoading}
      onSelectionChange={onSelectionChange}
    />,
  );
});
