// The rows of the user's table as resolved: the target found (its name, the plan's own wording of it, value,
// unit, plan, quote), or the error with suggestions to pick from; any row can be skipped.
import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import { describeTarget, subjectOf } from "../../core/catalog/labels";
import type { FillRow } from "../../sheet/fill-table";
import { a1 } from "../../workbook/workbook";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, margin: 0, padding: 0 },
  row: {
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingVerticalXS,
    borderLeft: `3px solid ${tokens.colorNeutralStroke2}`,
  },
  found: { borderLeftColor: tokens.colorPaletteGreenBorder2 },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  quote: { color: tokens.colorNeutralForeground3 },
});

export function FillRowList(p: {
  rows: FillRow[];
  onPick(i: number, s: string): void;
  onSkip(i: number): void;
}) {
  const s = useStyles();
  return (
    <ul className={s.list} aria-label="各行匹配结果">
      {p.rows.map((r, i) => (
        <li
          key={`${r.row},${r.col}`}
          className={`${s.row} ${r.kind === "found" ? s.found : r.kind === "error" ? s.error : ""}`}
          aria-label={`${a1(r.row, r.col)} ${r.label}`}
        >
          <Text weight="semibold">
            {a1(r.row, r.col)} {r.label}
          </Text>
          {r.kind === "found" && (
            <>
              <Text size={200}>
                → {r.target.indicatorDef.name}
                {r.target.label !== r.target.indicatorDef.name && `(规划中写作“${r.target.label}”)`}:
                {describeTarget(r.target)} · {subjectOf(r.target)} · {r.target.targetYear} 年 ·{" "}
                {r.target.plan.shortName}
              </Text>
              <Text size={200} className={s.quote}>
                “{r.target.quote}”
              </Text>
            </>
          )}
          {r.kind === "error" && <Text size={200}>{r.message}</Text>}
          {r.kind === "skipped" && <Text size={200}>已跳过,不写入</Text>}
          <div className={s.actions}>
            {r.kind === "error" &&
              r.suggestions.map((sug) => (
                <Button key={sug} size="small" onClick={() => p.onPick(i, sug)}>
                  采用“{sug}”
                </Button>
              ))}
            {r.kind !== "skipped" && (
              <Button size="small" appearance="subtle" onClick={() => p.onSkip(i)}>
                跳过
              </Button>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
