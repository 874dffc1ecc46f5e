// Region → plan → 评估年份. Several plans can belong to one region (中山 has three).
import { Field, Input, makeStyles, Select, tokens } from "@fluentui/react-components";
import type { Catalog } from "../../core/catalog/catalog";
import { assessmentSpan, assessmentSpanWords, readYear, YEARS } from "../../core/method/years";
import { planTargets } from "../../core/sheet/layout";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

export interface PlanPickerProps {
  catalog: Catalog;
  regionId: string;
  planId: string;
  yearText: string;
  disabled?: boolean;
  onRegion(regionId: string): void;
  onPlan(planId: string): void;
  onYear(text: string): void;
}

/** Regions that have at least one plan, in catalog order. */
export const regionsWithPlans = (catalog: Catalog) =>
  catalog.regions.filter((r) => catalog.plansOfRegion(r.id).length > 0);

export function PlanPicker(p: PlanPickerProps) {
  const s = useStyles();
  const plans = p.catalog.plansOfRegion(p.regionId);
  const plan = plans.find((x) => x.id === p.planId);
  const year = readYear(p.yearText);
  // The sheet's own rule (its 评估年份 validation): from the base year to the last target year.
  const span = plan ? assessmentSpan(plan, planTargets(p.catalog, plan.id)) : null;
  const outside = span !== null && year !== null && (year < span.min || year > span.max);
  return (
    <div className={s.root}>
      <Field label="地区">
        <Select value={p.regionId} disabled={p.disabled} onChange={(_, d) => p.onRegion(d.value)}>
          {regionsWithPlans(p.catalog).map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label="规划"
        hint={
          plan
            ? `${plan.title}(${plan.period.start}–${plan.period.end} 年,基期 ${plan.baseYear} 年)`
            : undefined
        }
      >
        <Select value={p.planId} disabled={p.disabled} onChange={(_, d) => p.onPlan(d.value)}>
          {plans.map((x) => (
            <option key={x.id} value={x.id}>
              {x.shortName}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label="评估年份"
        validationState={year === null ? "error" : outside ? "warning" : "none"}
        validationMessage={
          year === null
            ? "请输入四位年份"
            : outside && span
              ? `评估年份应在${assessmentSpanWords(span)}`
              : undefined
        }
      >
        <Input
          type="number"
          inputMode="numeric"
          min={YEARS.min}
          max={YEARS.max}
          step={1}
          value={p.yearText}
          disabled={p.disabled}
          onChange={(_, d) => p.onYear(d.value)}
        />
      </Field>
    </div>
  );
}
