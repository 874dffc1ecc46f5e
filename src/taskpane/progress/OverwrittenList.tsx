// Values typed over cells of ours that a refresh would replace: listed in the refresh dialog before anything is
// written.
import { makeStyles, Text, tokens } from "@fluentui/react-components";
import type { OverwrittenCell } from "../../services/service";

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
});

const shown = (v: OverwrittenCell["new"]) => (v === null || v === "" ? "(空)" : String(v));

export function OverwrittenList({ cells }: { cells: OverwrittenCell[] }) {
  const s = useStyles();
  if (cells.length === 0) return null;
  return (
    <>
      <Text>
        以下 {cells.length}{" "}
        个单元格原由加载项计算或填写,现为手填的数值,刷新会改写它们。需要保留的请先移到备注或表格外。
      </Text>
      <ol className={s.list} aria-label="将被改写的手填单元格">
        {cells.map((c) => (
          <li key={c.cell}>
            <Text>
              {c.cell}
              {c.column && `(${c.column}${c.indicator ? `,${c.indicator}` : ""})`}:{String(c.old)} →{" "}
              {shown(c.new)}
            </Text>
          </li>
        ))}
      </ol>
    </>
  );
}
