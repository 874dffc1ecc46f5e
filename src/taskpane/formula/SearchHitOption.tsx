// One search hit: indicator, target value and unit, who and when, the plan, and the verbatim quote.
import { makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";
import type { CatalogTarget } from "../../core/catalog/catalog";
import { describeTarget, subjectOf } from "../../core/catalog/labels";

const useStyles = makeStyles({
  option: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  active: {
    backgroundColor: tokens.colorBrandBackground2,
    outline: `2px solid ${tokens.colorBrandStroke1}`,
    ":hover": { backgroundColor: tokens.colorBrandBackground2 },
  },
  head: { display: "flex", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  value: { whiteSpace: "nowrap", color: tokens.colorBrandForeground1 },
  quote: { color: tokens.colorNeutralForeground3 },
});

export interface SearchHitOptionProps {
  id: string;
  target: CatalogTarget;
  active: boolean;
  onSelect(): void;
  onInsert(): void;
}

export function SearchHitOption({ id, target: t, active, onSelect, onInsert }: SearchHitOptionProps) {
  const s = useStyles();
  return (
    <div
      id={id}
      role="option"
      aria-selected={active}
      className={mergeClasses(s.option, active && s.active)}
      onClick={onSelect}
      onDoubleClick={onInsert}
    >
      <div className={s.head}>
        <Text weight="semibold">{t.indicatorDef.name}</Text>
        <Text className={s.value}>{describeTarget(t)}</Text>
      </div>
      <Text size={200}>
        {subjectOf(t)} · {t.targetYear} 年 · {t.plan.shortName}
      </Text>
      <Text size={200} className={s.quote}>
        “{t.quote}”
      </Text>
    </div>
  );
}
