// The citation of one progress-sheet row: the target as the plan states it, the plan, the verbatim quote and (for
// support) the seed file.
import { makeStyles, Text, tokens } from "@fluentui/react-components";
import type { RowSource } from "../../services/service";

const useStyles = makeStyles({
  root: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3, whiteSpace: "nowrap" },
  def: { margin: 0, overflowWrap: "anywhere" },
  quote: {
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  file: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});

/**
 * The seeds/… path of the seed file, whether the service gives the bare name, the path or a whole citation;
 * null for an imported plan, whose file is the 出处 its user gave (labels.ts seedOf).
 */
export function seedPath(file: string): string | null {
  const m = /seeds\/[^\s)）]+/.exec(file);
  if (m) return m[0];
  return /^\d{3}_[0-9a-f]{16}\.txt$/.test(file) ? `seeds/${file}` : null;
}

export function SourceCard({ source }: { source: RowSource }) {
  const s = useStyles();
  const seed = seedPath(source.file);
  return (
    <dl className={s.root} aria-label="出处">
      <dt className={s.term}>指标</dt>
      <dd className={s.def}>
        <Text weight="semibold">{source.indicator}</Text>({source.subject})
      </dd>
      <dt className={s.term}>目标值</dt>
      <dd className={s.def}>{source.stated ?? `${source.value}${source.unit}`}</dd>
      <dt className={s.term}>规划</dt>
      <dd className={s.def}>{source.citation ?? `《${source.planTitle}》`}</dd>
      <dt className={s.term}>{seed === null ? "导入自" : "原文文件"}</dt>
      <dd className={s.def}>{seed === null ? source.file : <span className={s.file}>{seed}</span>}</dd>
      <dt className={s.term}>原文</dt>
      <dd className={s.def}>
        <blockquote className={s.quote}>“{source.quote}”</blockquote>
      </dd>
    </dl>
  );
}
