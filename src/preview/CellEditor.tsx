// An input cell: shows the formatted value; focused, it edits the raw value. Enter or leaving commits, Esc reverts.
import { makeStyles } from "@fluentui/react-components";
import { useRef, useState } from "react";
import { flushSync } from "react-dom";
import type { CellValue } from "../core/sheet/layout";

const useStyles = makeStyles({
  input: {
    width: "100%",
    boxSizing: "border-box",
    border: "none",
    background: "transparent",
    font: "inherit",
    color: "inherit",
    textAlign: "inherit",
    padding: 0,
    outline: "none",
  },
});

export interface CellEditorProps {
  label: string;
  value: CellValue;
  display: string;
  onFocus(): void;
  onCommit(text: string): void;
}

export function CellEditor({ label, value, display, onFocus, onCommit }: CellEditorProps) {
  const s = useStyles();
  const raw = value === null ? "" : String(value);
  // The draft lives in a ref too: Enter commits and moves focus, and the blur that follows must not commit again.
  const draftRef = useRef<string | null>(null);
  const [draft, setDraftState] = useState<string | null>(null);
  const setDraft = (d: string | null) => {
    draftRef.current = d;
    setDraftState(d);
  };
  const commit = () => {
    const d = draftRef.current;
    setDraft(null);
    if (d !== null && d !== raw) onCommit(d);
  };
  return (
    <input
      className={s.input}
      aria-label={label}
      value={draft ?? display}
      onFocus={(e) => {
        // The raw value replaces the displayed one ("2.10%" → "0.021") before the text is selected, so that typing
        // replaces all of it.
        flushSync(() => setDraft(raw));
        onFocus();
        e.currentTarget.select();
      }}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === "Enter" || e.key === "Escape") {
          e.preventDefault();
          if (e.key === "Escape") setDraft(null);
          else commit();
          // Back to the grid, as Excel leaves edit mode (arrow keys move the selection again).
          e.currentTarget.closest<HTMLElement>("[role=grid]")?.focus();
        }
      }}
    />
  );
}
