// Excel's name box and formula bar: the selected cell's address and its formula or value.
import { makeStyles, tokens } from "@fluentui/react-components";
import type { PreviewCell } from "../shared/memory-workbook";

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
    padding: "4px 8px",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    fontFamily: tokens.fontFamilyMonospace,
  },
});

export function FormulaBar({ address, cell }: { address: string; cell: PreviewCell | undefined }) {
  const s = useStyles();
  const content =
    cell?.formula ?? (cell?.value === null || cell?.value === undefined ? "" : String(cell.value));
  return (
    <div className={s.root} role="group" aria-label="编辑栏">
      <output className={s.name} aria-label="所选单元格">
        {address}
      </output>
      <span className={s.fx} aria-hidden>
        fx
      </span>
      <output className={s.content} aria-label="单元格内容" title={content}>
        {content}
      </output>
    </div>
  );
}
