// The active sheet as an Excel-like grid: row/column headers, computed values, yellow input cells you can type into.
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useMemo, useRef, type KeyboardEvent, type RefObject } from "react";
import { colLetter, SHEET } from "../core/sheet/layout";
import type { PreviewCell, PreviewSheet } from "../workbook/memory-workbook";
import { a1, parseRange } from "../workbook/workbook";
import { cellLook } from "./cellLook";
import { CellEditor } from "./CellEditor";

export interface CellRef {
  row: number;
  col: number;
}

/** Empty cells drawn beyond the used range (somewhere to put a formula), and the least grid drawn. */
const EXTRA_ROWS = 10;
const EXTRA_COLS = 4;
const MIN_ROWS = 30;
const MIN_COLS = 12;
/** The progress sheet's header row (0-based), whose titles name the input cells. */
const HEADER_ROW = SHEET.headerRow - 1;

/** Column letters and row numbers look alike. */
const HEAD = {
  position: "sticky",
  backgroundColor: tokens.colorNeutralBackground3,
  fontWeight: 400,
  color: tokens.colorNeutralForeground3,
  borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
  borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
} as const;

const useStyles = makeStyles({
  table: {
    borderCollapse: "separate",
    borderSpacing: 0,
    tableLayout: "fixed",
    fontSize: "13px",
    outline: "none",
  },
  colHead: { ...HEAD, top: 0, zIndex: 2, height: "22px" },
  rowHead: { ...HEAD, left: 0, zIndex: 1, width: "36px", textAlign: "center" },
  corner: { left: 0, zIndex: 3 },
  cell: {
    borderRight: `1px solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    padding: "2px 4px",
    overflow: "hidden",
    textOverflow: "ellipsis",
    verticalAlign: "top",
    height: "20px",
    lineHeight: "18px",
    cursor: "cell",
  },
  /** Text running on into empty cells to its right, as Excel shows it. */
  spill: { overflow: "visible", textOverflow: "clip" },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** Excel character units → pixels (roughly Calibri 11). */
const px = (w: number | undefined) => Math.round((w ?? 8.43) * 7 + 5);

export interface SheetGridProps {
  sheet: PreviewSheet;
  selected: CellRef | null;
  onSelect(ref: CellRef): void;
  /** The text typed into an input cell (the workbook parses it). */
  onCommit(ref: CellRef, text: string): void;
}

/** The grid's extent (used range plus room), its visible columns, merged areas and total width. */
function useGridShape(sheet: PreviewSheet) {
  const nCols = Math.max(
    Math.max(sheet.columns.length, ...sheet.rows.map((r) => r.length)) + EXTRA_COLS,
    MIN_COLS,
  );
  const nRows = Math.max(sheet.rows.length + EXTRA_ROWS, MIN_ROWS);
  const cols = useMemo(
    () => [...Array(nCols).keys()].filter((c) => !sheet.columns[c]?.hidden),
    [nCols, sheet.columns],
  );

  // Merged areas: the top-left cell spans, the others are not drawn.
  const { span, covered } = useMemo(() => {
    const span = new Map<string, { rows: number; cols: number }>();
    const covered = new Set<string>();
    for (const m of sheet.merges.map(parseRange)) {
      const visible = cols.filter((c) => c >= m.c1 && c <= m.c2).length;
      span.set(`${m.r1},${m.c1}`, { rows: m.r2 - m.r1 + 1, cols: visible });
      for (let r = m.r1; r <= m.r2; r++)
        for (let c = m.c1; c <= m.c2; c++) if (r !== m.r1 || c !== m.c1) covered.add(`${r},${c}`);
    }
    return { span, covered };
  }, [sheet.merges, cols]);

  // A fixed-layout table keeps its column widths only with an explicit total width (the grid scrolls instead).
  const width = 36 + cols.reduce((sum, c) => sum + px(sheet.columns[c]?.width ?? undefined), 0);
  return { nRows, cols, span, covered, width };
}

type GridShape = ReturnType<typeof useGridShape>;

/** Arrow keys move the selection; Enter or F2 puts the caret into the selected input cell. */
function useGridKeys(
  table: RefObject<HTMLTableElement | null>,
  { nRows, cols }: GridShape,
  { selected, onSelect }: Pick<SheetGridProps, "selected" | "onSelect">,
) {
  const move = (e: KeyboardEvent, dr: number, dc: number) => {
    e.preventDefault();
    const cur = selected ?? { row: 0, col: cols[0] };
    const ci = Math.max(0, Math.min(cols.length - 1, cols.indexOf(cur.col) + dc));
    onSelect({ row: Math.max(0, Math.min(nRows - 1, cur.row + dr)), col: cols[ci] });
  };
  return (e: KeyboardEvent) => {
    if (e.target !== table.current) return;
    if (e.key === "ArrowDown") move(e, 1, 0);
    else if (e.key === "ArrowUp") move(e, -1, 0);
    else if (e.key === "ArrowRight") move(e, 0, 1);
    else if (e.key === "ArrowLeft") move(e, 0, -1);
    else if ((e.key === "Enter" || e.key === "F2") && selected) {
      const input = table.current?.querySelector<HTMLInputElement>(
        `[data-cell="${a1(selected.row, selected.col)}"] input`,
      );
      if (input) {
        e.preventDefault();
        input.focus();
      }
    }
  };
}

export function SheetGrid({ sheet, selected, onSelect, onCommit }: SheetGridProps) {
  const s = useStyles();
  const tableRef = useRef<HTMLTableElement>(null);
  const shape = useGridShape(sheet);
  const { nRows, cols, width } = shape;
  const onKeyDown = useGridKeys(tableRef, shape, { selected, onSelect });

  return (
    <table
      ref={tableRef}
      className={s.table}
      style={{ width: `${width}px` }}
      role="grid"
      aria-label={`工作表 ${sheet.name}`}
      aria-rowcount={nRows}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-sheet={sheet.name}
    >
      <GridHead sheet={sheet} cols={cols} />
      <tbody>
        {[...Array(nRows).keys()].map((r) => (
          <tr key={r}>
            <th scope="row" className={s.rowHead}>
              {r + 1}
            </th>
            {cols.map((c) =>
              shape.covered.has(`${r},${c}`) ? null : (
                <GridCell
                  key={c}
                  sheet={sheet}
                  at={{ row: r, col: c }}
                  next={cols[cols.indexOf(c) + 1]}
                  span={shape.span.get(`${r},${c}`)}
                  isSelected={selected?.row === r && selected.col === c}
                  onSelect={onSelect}
                  onCommit={onCommit}
                />
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The column widths and the column letters. */
function GridHead({ sheet, cols }: { sheet: PreviewSheet; cols: number[] }) {
  const s = useStyles();
  return (
    <>
      <colgroup>
        <col style={{ width: "36px" }} />
        {cols.map((c) => (
          <col key={c} style={{ width: `${px(sheet.columns[c]?.width ?? undefined)}px` }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th className={mergeClasses(s.colHead, s.rowHead, s.corner)} aria-label="行号/列号" />
          {cols.map((c) => (
            <th key={c} scope="col" className={s.colHead}>
              {colLetter(c)}
            </th>
          ))}
        </tr>
      </thead>
    </>
  );
}

/** The input cells' title: the header row's text of their column. */
const titleOf = (sheet: PreviewSheet, col: number) => {
  const v = sheet.rows[HEADER_ROW]?.[col]?.value;
  return typeof v === "string" ? v : "";
};

interface GridCellProps extends Pick<SheetGridProps, "sheet" | "onSelect" | "onCommit"> {
  at: CellRef;
  /** The next visible column (text spills into it when it is empty). */
  next: number | undefined;
  span: { rows: number; cols: number } | undefined;
  isSelected: boolean;
}

/** One cell: its computed text (spilling right into empty cells, as Excel shows it), or an editor if an input. */
function GridCell({ sheet, at, next, span: sp, isSelected, onSelect, onCommit }: GridCellProps) {
  const s = useStyles();
  const { row: r, col: c } = at;
  const cell: PreviewCell | undefined = sheet.rows[r]?.[c];
  const ref = a1(r, c);
  const input = cell?.input ?? false;
  const text = cell?.text ?? "";
  const look = cellLook(cell);
  const right = next === undefined ? undefined : sheet.rows[r]?.[next];
  const spill =
    !input &&
    typeof cell?.value === "string" &&
    look.whiteSpace === "nowrap" &&
    look.textAlign !== "right" &&
    look.textAlign !== "center" &&
    !sp &&
    (right === undefined || (right.text === "" && !right.input && !right.fill));
  return (
    <td
      role="gridcell"
      data-cell={ref}
      data-row={r + 1}
      data-col={colLetter(c)}
      data-input={input || undefined}
      aria-selected={isSelected}
      colSpan={sp && sp.cols > 1 ? sp.cols : undefined}
      rowSpan={sp && sp.rows > 1 ? sp.rows : undefined}
      className={mergeClasses(
        s.cell,
        spill && s.spill,
        isSelected && s.selected,
        typeof cell?.value === "string" && cell.value.startsWith("#") && s.error,
      )}
      style={look}
      title={cell?.formula ?? (text.length > 12 ? text : undefined)}
      onMouseDown={() => onSelect(at)}
    >
      {input ? (
        <CellEditor
          label={`${ref} ${titleOf(sheet, c) || "填写项"}`}
          value={cell?.value ?? null}
          display={text}
          onFocus={() => onSelect(at)}
          onCommit={(t) => onCommit(at, t)}
        />
      ) : (
        text
      )}
    </td>
  );
}
