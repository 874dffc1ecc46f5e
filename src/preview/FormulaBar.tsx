// Excel's name box and formula bar: the selected cell's address and its formula or value, which can be typed
// over (Enter confirms, Esc reverts) — as in Excel, any cell, e.g. =PLAN.TARGET(…) into a blank one.
import { makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { PreviewCell } from "../workbook/memory-workbook";

const useStyles = makeStyles({
  root: {
    display: "flex",
    alignItems: "stretch",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    fontSize: tokens.fontSizeBase200,
    minHeight: "26px",
    flexShrink: 0,
  },
  name: {
    width: "64px",
    flexShrink: 0,
    padding: "4px 8px",
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    fontFamily: tokens.fontFamilyMonospace,
  },
  fx: { padding: "4px 8px", color: tokens.colorNeutralForeground3, fontStyle: "italic", flexShrink: 0 },
  content: {
    flexGrow: 1,
    padding: "4px 8px",
    border: "none",
    outline: "none",
    background: "transparent",
    fontSize: "inherit",
    fontFamily: tokens.fontFamilyMonospace,
  },
});

export interface FormulaBarProps {
  address: string;
  cell: PreviewCell | undefined;
  /** The text typed into the bar, confirmed with Enter. */
  onCommit?(text: string): void;
}

export function FormulaBar({ address, cell, onCommit }: FormulaBarProps) {
  const s = useStyles();
  const content =
    cell?.formula ?? (cell?.value === null || cell?.value === undefined ? "" : String(cell.value));
  const [draft, setDraft] = useState(content);
  useEffect(() => setDraft(content), [content, address]);
  return (
    <div className={s.root} role="group" aria-label="编辑栏">
      <output className={s.name} aria-label="所选单元格">
        {address}
      </output>
      <span className={s.fx} aria-hidden>
        fx
      </span>
      <input
        className={s.content}
        aria-label="单元格内容"
        title={content}
        value={draft}
        readOnly={!onCommit}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && onCommit) onCommit(draft);
          if (e.key === "Escape") setDraft(content);
        }}
      />
    </div>
  );
}
