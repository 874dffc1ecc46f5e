// The task pane: three tabs over one ProgressService (Office.js in Excel, in memory in the preview).
import {
  FluentProvider,
  makeStyles,
  Tab,
  TabList,
  Text,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { CatalogStore } from "../core/catalog/store";
import type { BatchService } from "../sheet/batch-actuals";
import type { FillService } from "../services/fill-service";
import type { LoadOutcome, PackService } from "../services/pack-service";
import type { ProgressService } from "../services/service";
import { PaneProvider, type SelectionFeed } from "./context";
import { BatchTab } from "./fill/BatchTab";
import { FillTab } from "./fill/FillTab";
import { FormulaTab } from "./formula/FormulaTab";
import { ImportTab } from "./import/ImportTab";
import { FreezePanel } from "./report/FreezePanel";
import { ReportSheetPanel } from "./report/ReportSheetPanel";
import { ProgressTab } from "./progress/ProgressTab";
import { SourceTab } from "./report/SourceTab";
import { NoticeBar } from "./NoticeBar";
import type { Notices } from "./notices";
import { UndoBar } from "./UndoBar";
import { createSheetsFeed } from "./sheetsFeed";
import type { UndoService } from "../workbook/undo";

const useStyles = makeStyles({
  root: {
    minHeight: "100%",
    boxSizing: "border-box",
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  panel: { paddingTop: tokens.spacingVerticalS },
  // Seven tabs do not fit 320 px on one line: they wrap rather than hide the last ones.
  tabs: { flexWrap: "wrap" },
});

type TabId = "progress" | "batch" | "formula" | "fill" | "source" | "send" | "import";
const TABS: { id: TabId; label: string }[] = [
  { id: "progress", label: "进度表" },
  { id: "batch", label: "批量" },
  { id: "formula", label: "公式" },
  { id: "fill", label: "填表" },
  { id: "source", label: "出处" },
  { id: "send", label: "报送" },
  { id: "import", label: "导入规划" },
];

export interface AppProps {
  service: ProgressService;
  /** The face's catalog store; an import installs into it and the tabs that show the catalog re-render. */
  store: CatalogStore;
  onSelectionChange?: SelectionFeed;
  onWorkbookChanged?: () => void;
  /** 填充我的表格; the 填表 tab is shown where the host provides it. */
  fill?: FillService;
  /** Batch actuals; the 批量 tab is shown where the host provides it. */
  batch?: BatchService;
  /** Imported plans; the 导入规划 tab is shown where the host provides it. */
  imports?: PackService;
  /** The start-up load of the plans the workbook stores (begun by the host). */
  importsLoading?: Promise<LoadOutcome>;
  /** 撤销上一步, where the host records the services' writes. */
  undo?: UndoService;
  /** The workbook's warnings after a write (manual calculation…), shown above the tabs. */
  notices?: Notices;
}

export function App(props: AppProps) {
  const { service, store, onSelectionChange, onWorkbookChanged, fill, batch, imports, undo, notices } = props;
  const tabs = TABS.filter(
    (t) => (t.id !== "fill" || fill) && (t.id !== "batch" || batch) && (t.id !== "import" || imports),
  );
  const s = useStyles();
  const [tab, setTab] = useState<TabId>("progress");
  const sheets = useMemo(() => createSheetsFeed(service), [service]);
  const value = useMemo(
    () => ({ service, store, onSelectionChange, onWorkbookChanged, sheets }),
    [service, store, onSelectionChange, onWorkbookChanged, sheets],
  );
  return (
    <FluentProvider theme={webLightTheme} style={{ height: "100%" }}>
      <PaneProvider value={value}>
        <main className={s.root} lang="zh-CN">
          <h1 className={s.title}>PLAN.* 规划目标</h1>
          <Text size={200}>科技规划量化目标的查询与完成进度。</Text>
          {notices && <NoticeBar notices={notices} />}
          {undo && <UndoBar undo={undo} />}
          <TabList
            className={s.tabs}
            selectedValue={tab}
            onTabSelect={(_, d) => setTab(d.value as TabId)}
            aria-label="功能"
          >
            {tabs.map((t) => (
              <Tab key={t.id} value={t.id} id={`tab-${t.id}`} aria-controls={`panel-${t.id}`}>
                {t.label}
              </Tab>
            ))}
          </TabList>
          {/* All panels stay mounted so each keeps its state while another tab is shown. */}
          {tabs.map((t) => (
            <section
              key={t.id}
              id={`panel-${t.id}`}
              role="tabpanel"
              aria-labelledby={`tab-${t.id}`}
              hidden={tab !== t.id}
              className={s.panel}
            >
              {t.id === "progress" && <ProgressTab active={tab === "progress"} />}
              {t.id === "formula" && <FormulaTab />}
              {t.id === "fill" && fill && <FillTab fill={fill} />}
              {t.id === "batch" && batch && <BatchTab batch={batch} />}
              {t.id === "source" && <SourceTab active={tab === "source"} />}
              {t.id === "import" && imports && <ImportTab imports={imports} loading={props.importsLoading} />}
              {t.id === "send" && (
                <>
                  <ReportSheetPanel />
                  <FreezePanel />
                </>
              )}
            </section>
          ))}
        </main>
      </PaneProvider>
    </FluentProvider>
  );
}
