// `npm run preview`: the real task pane against an in-memory workbook (HyperFormula), in any browser, offline.
import { createRoot } from "react-dom/client";
import { registerPlanFunctions } from "../functions/hyperformula";
import { MemoryWorkbook } from "../workbook/memory-workbook";
import { createPackService } from "../services/pack-service";
import { createProgressService } from "../services/progress-service";
import { addDemoReport } from "./demo-report";
import { PreviewApp } from "./PreviewApp";

// PLAN.* formulas inserted from the 公式 tab compute in the preview too.
registerPlanFunctions();
const workbook = new MemoryWorkbook();
workbook.addSheet("Sheet1");
workbook.select("Sheet1", "A1");
// ?demo=report: a hand-made report table to try 填表 on.
if (new URLSearchParams(location.search).get("demo") === "report") addDemoReport(workbook);

const service = createProgressService(workbook);
const imports = createPackService(workbook);
createRoot(document.getElementById("root")!).render(
  <PreviewApp
    workbook={workbook}
    service={service}
    imports={imports}
    importsLoading={imports.loadStored()}
  />,
);
