// The formula the 公式 tab will insert, and under it the target that answers it: the plan's own name of the
// indicator and the verbatim quote, so a name that leaves qualifiers unsaid is seen before it is trusted.
import { Button, Field, makeStyles, Text, Textarea, tokens } from "@fluentui/react-components";
import type { CatalogTarget } from "../../core/catalog/catalog";
import type { formulaOfChoice } from "./insertable";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  formula: { fontFamily: tokens.fontFamilyMonospace },
  quote: { color: tokens.colorNeutralForeground3 },
});

export interface FormulaPreviewProps {
  target: CatalogTarget;
  built: ReturnType<typeof formulaOfChoice>;
  busy: boolean;
  onInsert(formula: string): void;
}

export function FormulaPreview({ target: t, built, busy, onInsert }: FormulaPreviewProps) {
  const s = useStyles();
  const formula = "formula" in built ? built.formula : "";
  return (
    <div className={s.root}>
      <Field
        label="公式"
        validationState={"error" in built ? "warning" : "none"}
        validationMessage={"error" in built ? built.error : undefined}
      >
        <Textarea readOnly resize="none" rows={2} value={formula} textarea={{ className: s.formula }} />
      </Field>
      <Text size={200} aria-label="公式对应的规划目标">
        规划中的指标:{t.label}({t.plan.shortName},{t.targetYear} 年)
      </Text>
      <Text size={200} className={s.quote}>
        原文:“{t.quote}”
      </Text>
      <Button appearance="primary" disabled={busy || !formula} onClick={() => onInsert(formula)}>
        插入到所选单元格
      </Button>
    </div>
  );
}
