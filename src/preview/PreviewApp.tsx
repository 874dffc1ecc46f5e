// The preview page: the real task pane (320 px) beside the in-memory workbook's active sheet.
import { FluentProvider, makeStyles, Text, tokens, webLightTheme } from "@fluentui/react-components";
import { useCallback, useMemo, useReducer, useRef, useState } from "react";
import { createBatchService } from "../sheet/batch-actuals";
import { createFillService } from "../services/fill-service";
import type { MemoryWorkbook } from "../workbook/memory-workbook";
import type { UndoLog } from "../workbook/undo";
import type { CatalogStore } from "../core/catalog/store";
import type { LoadOutcome, PackService } from "../services/pack-service";
import type { ProgressService } from "../services/service";
import { a1 } from "../workbook/workbook";
import { App } from "../taskpane/App";
import { FormulaBar } from "./FormulaBar";
import { ProgressCharts } from "./ProgressCharts";
import { SheetGrid, type CellRef } from "./SheetGrid";
import { SheetTabs } from "./SheetTabs";
import { ValidationNotes } from "./ValidationNotes";

const useStyles = makeStyles({
  root: {
    display: "flex",
    height: "100vh",
    overflow: "hidden",
    backgroundColor: tokens.colorNeutralBackground2,
  },
  pane: {
    width: "320px",
    flexShrink: 0,
    overflowY: "auto",
    backgroundColor: tokens.colorNeutralBackground1,
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  book: {
    flexGrow: 1,
    minWidth: 0,
    display: "flex",
    flexDirection: "column",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  banner: {
    padding: "6px 12px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground3,
  },
  grid: { flexGrow: 1, minHeight: 0, overflow: "auto" },
  tabs: {
    flexShrink: 0,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground3,
    overflowX: "auto",
  },
});

export interface PreviewAppProps {
  workbook: MemoryWorkbook;
  /** The preview's catalog store: its pane, services and PLAN.* formulas answer from it. */
  store: CatalogStore;
  service: ProgressService;
  imports?: PackService;
  importsLoading?: Promise<LoadOutcome>;
  /** 撤销上一步: records the pane's writes (the progress service's too, where it was given the same log). */
  undo?: UndoLog;
}

/**
 * The selected cell (A1 of a sheet a write activates, as the workbook does), typing into it, the alert Excel's
 * validation would raise, and the selection feed the pane follows.
 */
function useSheetSelection(workbook: MemoryWorkbook, bump: () => void) {
  const [sel, setSel] = useState<{ sheet: string } & CellRef>({
    sheet: workbook.active ?? "",
    row: 0,
    col: 0,
  });
  const listeners = useRef(new Set<() => void>());
  const [alert, setAlert] = useState<{ title: string; text: string } | null>(null);
  const active = workbook.active;
  const selected: CellRef = sel.sheet === active ? sel : { row: 0, col: 0 };

  const onSelectionChange = useCallback((l: () => void) => {
    listeners.current.add(l);
    return () => void listeners.current.delete(l);
  }, []);
  const select = (sheetName: string, ref: CellRef) => {
    workbook.select(sheetName, a1(ref.row, ref.col));
    setSel({ sheet: sheetName, ...ref });
    setAlert(null);
    listeners.current.forEach((l) => l());
  };
  const commit = (ref: CellRef, text: string) => {
    if (!active) return;
    const at = a1(ref.row, ref.col);
    workbook.setCell(active, at, text.trim() === "" ? null : text.trim());
    setAlert(workbook.validate(active, at));
    bump();
    // Confirming an edit moves Excel's selection, which the pane follows: tell it as Excel would.
    listeners.current.forEach((l) => l());
  };
  return { selected, alert, select, commit, onSelectionChange };
}

export function PreviewApp(props: PreviewAppProps) {
  const { workbook, store, service, imports, importsLoading, undo } = props;
  const s = useStyles();
  const fill = useMemo(() => createFillService(workbook, store, undo), [workbook, store, undo]);
  const batch = useMemo(() => createBatchService(workbook, store, undo), [workbook, store, undo]);
  // The workbook is mutable; a counter re-renders the grid after every change.
  const [, bump] = useReducer((x: number) => x + 1, 0);
  const selection = useSheetSelection(workbook, bump);

  return (
    <FluentProvider theme={webLightTheme}>
      <div className={s.root}>
        <aside className={s.pane} aria-label="任务窗格">
          <App
            service={service}
            store={store}
            fill={fill}
            batch={batch}
            undo={undo}
            imports={imports}
            importsLoading={importsLoading}
            onSelectionChange={selection.onSelectionChange}
            onWorkbookChanged={bump}
          />
        </aside>
        <WorkbookView workbook={workbook} selection={selection} />
      </div>
    </FluentProvider>
  );
}

/** The workbook beside the pane: formula bar, validation notes, the active sheet, its charts, the sheet tabs. */
function WorkbookView(props: { workbook: MemoryWorkbook; selection: ReturnType<typeof useSheetSelection> }) {
  const { workbook, selection } = props;
  const { selected, alert, select, commit } = selection;
  const s = useStyles();
  const active = workbook.active;
  const sheet = active ? workbook.grid(active) : null;
  return (
    <section className={s.book} aria-label="工作簿预览">
      <Text size={200} className={s.banner}>
        预览:内存中的工作簿,公式按 Excel 规则计算。黄色单元格可直接输入,回车确认。
      </Text>
      {sheet && (
        <FormulaBar
          address={a1(selected.row, selected.col)}
          cell={sheet.rows[selected.row]?.[selected.col]}
          onCommit={(text) => commit(selected, text)}
        />
      )}
      <ValidationNotes
        prompt={sheet?.rows[selected.row]?.[selected.col]?.validation?.prompt ?? null}
        alert={alert}
      />
      {/* Keyed by sheet: another sheet opens at its top-left, not at the last one's scroll position. */}
      <div className={s.grid} key={active ?? ""}>
        {sheet && (
          <SheetGrid
            sheet={sheet}
            selected={selected}
            onSelect={(ref) => select(sheet.name, ref)}
            onCommit={commit}
          />
        )}
      </div>
      {sheet && <ProgressCharts sheet={sheet} />}
      <div className={s.tabs}>
        <SheetTabs
          names={workbook.tabNames()}
          active={active}
          onSelect={(n) => select(n, { row: 0, col: 0 })}
        />
      </div>
    </section>
  );
}
