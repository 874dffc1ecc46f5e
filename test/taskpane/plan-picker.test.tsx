/** @jest-environment jsdom */
// 评估年份 in the pane: the same span and the same words as the sheet's own 评估年份 validation.
import { render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { bundledCatalog } from "../../src/core/catalog/catalog";
import { planTargets, yearValidation } from "../../src/core/sheet/layout";
import { PlanPicker } from "../../src/taskpane/progress/PlanPicker";

const catalog = bundledCatalog();
const plan = catalog.planById("yiyang-14th")!;

function picker(yearText: string) {
  const noop = () => undefined;
  render(
    <FluentProvider theme={webLightTheme}>
      <PlanPicker
        catalog={catalog}
        regionId={plan.region}
        planId={plan.id}
        yearText={yearText}
        onRegion={noop}
        onPlan={noop}
        onYear={noop}
      />
    </FluentProvider>,
  );
}

test("a year before the base year: the pane warns in the words of the sheet's validation", () => {
  const sheet = yearValidation(plan, planTargets(catalog, plan.id));
  picker(String(sheet.min - 1));
  const warning = screen.getByText(/^评估年份应在/).textContent!;
  expect(warning).toBe(`评估年份应在${sheet.min}–${sheet.max} 年之间(基期年至目标年)`);
  expect(sheet.error.text).toContain(warning.slice("评估年份应在".length));
});

test("the base year itself is a year the sheet accepts, so the pane does not warn", () => {
  picker(String(plan.baseYear));
  expect(screen.queryByText(/^评估年份应在/)).toBeNull();
});
