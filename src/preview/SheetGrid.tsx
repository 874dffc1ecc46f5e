// The active sheet as an Excel-like grid: row/column headers, computed values, yellow input cells you can type into.
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useMemo, useRef, type KeyboardEvent } from "react";
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

export function SheetGrid({ sheet, selected, onSelect, onCommit }: SheetGridProps) {
  const s = useStyles();
  const tableRef = useRef<HTMLTableElement>(null);
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
  const titleOf = (col: number) => {
    const v = sheet.rows[HEADER_ROW]?.[col]?.value;
    return typeof v === "string" ? v : "";
  };

  const move = (e: KeyboardEvent, dr: number, dc: number) => {
    e.preventDefault();
    const cur = selected ?? { row: 0, col: cols[0] };
    const ci = Math.max(0, Math.min(cols.length - 1, cols.indexOf(cur.col) + dc));
    onSelect({ row: Math.max(0, Math.min(nRows - 1, cur.row + dr)), col: cols[ci] });
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.target !== tableRef.current) return;
    if (e.key === "ArrowDown") move(e, 1, 0);
    else if (e.key === "ArrowUp") move(e, -1, 0);
    else if (e.key === "ArrowRight") move(e, 0, 1);
    else if (e.key === "ArrowLeft") move(e, 0, -1);
    else if ((e.key === "Enter" || e.key === "F2") && selected) {
      const input = tableRef.current?.querySelector<HTMLInputElement>(
        `[data-cell="${a1(selected.row, selected.col)}"] input`,
      );
      if (input) {
        e.preventDefault();
        input.focus();
      }
    }
  };

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
      <tbody>
        {[...Array(nRows).keys()].map((r) => (
          <tr key={r}>
            <th scope="row" className={s.rowHead}>
              {r + 1}
            </th>
            {cols.map((c) => {
              if (covered.has(`${r},${c}`)) return null;
              const cell: PreviewCell | undefined = sheet.rows[r]?.[c];
              const sp = span.get(`${r},${c}`);
              const ref = a1(r, c);
              const isSel = selected?.row === r && selected.col === c;
              const input = cell?.input ?? false;
              const text = cell?.text ?? "";
              const look = cellLook(cell);
              const next = sheet.rows[r]?.[cols[cols.indexOf(c) + 1]];
              const spill =
                !input &&
                typeof cell?.value === "string" &&
                look.whiteSpace === "nowrap" &&
                look.textAlign !== "right" &&
                look.textAlign !== "center" &&
                !sp &&
                (next === undefined || (next.text === "" && !next.input && !next.fill));
              return (
                <td
                  key={c}
                  role="gridcell"
                  data-cell={ref}
                  data-row={r + 1}
                  data-col={colLetter(c)}
                  data-input={input || undefined}
                  aria-selected={isSel}
                  colSpan={sp && sp.cols > 1 ? sp.cols : undefined}
                  rowSpan={sp && sp.rows > 1 ? sp.rows : undefined}
                  className={mergeClasses(
                    s.cell,
                    spill && s.spill,
                    isSel && s.selected,
                    typeof cell?.value === "string" && cell.value.startsWith("#") && s.error,
                  )}
                  style={look}
                  title={cell?.formula ?? (text.length > 12 ? text : undefined)}
                  onMouseDown={() => onSelect({ row: r, col: c })}
                >
                  {input ? (
                    <CellEditor
                      label={`${ref} ${titleOf(c) || "填写项"}`}
                      value={cell?.value ?? null}
                      display={text}
                      onFocus={() => onSelect({ row: r, col: c })}
                      onCommit={(t) => onCommit({ row: r, col: c }, t)}
                    />
                  ) : (
                    text
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
