// `npm run preview`: the real task pane against an in-memory workbook (HyperFormula), in any browser, offline.
import { createRoot } from "react-dom/client";
import { createCatalogStore } from "../core/catalog/store";
import { Runner } from "../core/functions/runner";
import { registerPlanFunctions } from "../functions/hyperformula";
import { MemoryWorkbook } from "../workbook/memory-workbook";
import { createPackService } from "../services/pack-service";
import { createProgressService } from "../services/progress-service";
import { addDemoReport } from "./demo-report";
import { PreviewApp } from "./PreviewApp";
import { UndoLog } from "../workbook/undo";

// The preview's own catalog: the plans imported in its pane reach its PLAN.* formulas, which compute in the
// preview too (registered before the workbook's engine is built).
const store = createCatalogStore();
registerPlanFunctions(new Runner(store));
const workbook = new MemoryWorkbook();
workbook.addSheet("Sheet1");
workbook.select("Sheet1", "A1");
// ?demo=report: a hand-made report table to try 填表 on.
if (new URLSearchParams(location.search).get("demo") === "report") addDemoReport(workbook);

// 撤销上一步: one level over the pane's writes, as in Excel.
const undo = new UndoLog(workbook);
const service = createProgressService(workbook, store, { undo });
const imports = createPackService(workbook, store);
createRoot(document.getElementById("root")!).render(
  <PreviewApp
    workbook={workbook}
    store={store}
    service={service}
    undo={undo}
    imports={imports}
    importsLoading={imports.loadStored()}
  />,
);
