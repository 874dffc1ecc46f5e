// The 进度表 tab's choice: region, plan and 评估年份 (as typed), and the plan's sheet in the workbook if any.
import { useEffect, useRef, useState } from "react";
import type { ProgressSheetInfo } from "../../services/service";
import { defaultAssessmentYear, readYear } from "../../core/method/years";
import { useCatalog } from "../context";
import { regionsWithPlans } from "./PlanPicker";

export type PlanChoice = ReturnType<typeof usePlanChoice>;

/** onPlanChosen: the user chose another plan or region (the last result no longer applies). */
export function usePlanChoice(sheets: ProgressSheetInfo[], onPlanChosen: () => void) {
  const catalog = useCatalog();
  const firstRegion = regionsWithPlans(catalog)[0];
  const [regionId, setRegionId] = useState(firstRegion?.id ?? "");
  const [planId, setPlanId] = useState(catalog.plansOfRegion(firstRegion?.id ?? "")[0]?.id ?? "");
  const plan = catalog.planById(planId);
  const [yearText, setYearText] = useState(
    plan ? String(defaultAssessmentYear(plan.period, new Date().getFullYear())) : "",
  );
  /** The user typed a year since the plan was chosen or the sheet was written (a refresh then sets it). */
  const [yearTouched, setYearTouched] = useState(false);
  /** The last 评估年份 read from each sheet: the pane takes a sheet's year when it changes there. */
  const seenYears = useRef(new Map<string, number | null>());
  const sheet = sheets.find((x) => x.planId === planId) ?? null;

  // An existing sheet brings its own 评估年份 unless the user typed one.
  const sheetYear = sheet?.year ?? null;
  useEffect(() => {
    if (sheetYear !== null && !yearTouched) setYearText(String(sheetYear));
  }, [sheetYear, planId, yearTouched]);

  const choosePlan = (id: string) => {
    setPlanId(id);
    const p = catalog.planById(id);
    const existing = sheets.find((x) => x.planId === id);
    if (p) setYearText(String(existing?.year ?? defaultAssessmentYear(p.period, new Date().getFullYear())));
    setYearTouched(false);
    onPlanChosen();
  };
  /** Show the plan of a sheet the user went to (not a choice in the pane: the result stays). */
  const followPlan = (id: string, region: string) => {
    setRegionId(region);
    setPlanId(id);
  };
  /** Take a sheet's 评估年份: after a write always; from the active sheet only when it changed there. */
  const adoptSheetYear = (sheetName: string, y: number | null, always: boolean) => {
    const seen = seenYears.current;
    if (!always && seen.has(sheetName) && seen.get(sheetName) === y) return;
    seen.set(sheetName, y);
    if (y === null) return;
    setYearText(String(y));
    setYearTouched(false);
  };
  return {
    catalog,
    regionId,
    planId,
    yearText,
    year: readYear(yearText),
    yearTouched,
    sheet,
    choosePlan,
    chooseRegion: (id: string) => {
      setRegionId(id);
      choosePlan(catalog.plansOfRegion(id)[0]?.id ?? "");
    },
    typeYear: (t: string) => {
      setYearText(t);
      setYearTouched(true);
    },
    followPlan,
    adoptSheetYear,
  };
}
