// One candidate under review: accept or not, the editable fields, what the extractor read, the verbatim quote.
import { Badge, Checkbox, Input, makeStyles, Text, tokens } from "@fluentui/react-components";
import { CANDIDATE_KIND_LABEL, COMPARISON_LABEL } from "../../core/catalog/labels";
import type { ReviewedCandidate } from "../../services/pack-service";

const useStyles = makeStyles({
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingVerticalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  fields: { display: "grid", gridTemplateColumns: "2fr 1fr 1fr 1fr", gap: tokens.spacingHorizontalXS },
  // Fluent inputs have a minimum width; in a 320 px pane the four share the row.
  input: { minWidth: 0, width: "100%" },
  quote: { color: tokens.colorNeutralForeground3 },
  badges: { display: "flex", gap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
});

export function ExtractCandidate({
  item,
  onChange,
}: {
  item: ReviewedCandidate;
  onChange(next: ReviewedCandidate): void;
}) {
  const s = useStyles();
  const c = item.candidate;
  const field = (k: "indicator" | "value" | "unit" | "year", name: string) => (
    <Input
      className={s.input}
      size="small"
      aria-label={name}
      value={item[k]}
      onChange={(_, d) => onChange({ ...item, [k]: d.value })}
    />
  );
  const label = c.baseline ? `用作基期值:${item.indicator}` : `采用:${item.indicator}`;
  return (
    <li className={s.item}>
      <Checkbox
        checked={item.accepted}
        onChange={(_, d) => onChange({ ...item, accepted: d.checked === true })}
        label={label}
      />
      <div className={s.badges}>
        {c.baseline && (
          <Badge appearance="tint" color="informative">
            基期(历史数据,不作目标)
          </Badge>
        )}
        {!c.baseline && <Badge appearance="outline">{COMPARISON_LABEL[c.comparison]}</Badge>}
        <Badge appearance="outline">{CANDIDATE_KIND_LABEL[c.kind]}</Badge>
        {c.hedged && (
          <Badge appearance="tint" color="warning">
            力争/争取
          </Badge>
        )}
        {c.implied && <Badge appearance="tint">按词义推定数值</Badge>}
      </div>
      <div className={s.fields}>
        {field("indicator", "指标")}
        {field("value", c.baseline ? "基期值" : "目标值")}
        {field("unit", "单位")}
        {field("year", c.baseline ? "基期年" : "目标年")}
      </div>
      <Text size={200} className={s.quote}>
        原文:{c.quote}
      </Text>
      {c.note && <Text size={200}>请核对:{c.note}</Text>}
    </li>
  );
}
