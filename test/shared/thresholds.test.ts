// The pace thresholds a progress sheet sets for itself (issue 26: provinces set their own): three labelled cells in
// the title block that every row's 状态 formula reads. HyperFormula evaluating the written sheet gives, for drawn
// thresholds, the status assess() gives with those thresholds; unusable ones make every row 输入有误 as sheetCheck
// says; a refresh keeps what the statistician set; the three back ends write the cells alike.
import ExcelJS from "exceljs";
import fc from "fast-check";
import { bundledCatalog, progressInputFor, type CatalogTarget } from "../../src/core/catalog/catalog";
import {
  assess,
  INPUT_ERROR,
  isRateLike,
  impliedBaseline,
  PACE,
  STATUS,
  THRESHOLD_MAX,
  type PaceThresholds,
} from "../../src/core/method/methodology";
import {
  buildProgressSheet,
  COL,
  HISTORY_FIRST_COL,
  colLetter,
  needsBaselineInput,
  planTargets,
  SHEET,
  sheetCheck,
  sheetStatus,
  THRESHOLD_CELLS,
  thresholdCell,
  thresholdLabel,
  type ThresholdValues,
} from "../../src/core/sheet/layout";
import { REPORT } from "../../src/core/sheet/report-layout";
import { planRefresh } from "../../src/sheet/refresh";
import { layoutToWorkbook } from "../../src/sheet/report-file";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { OfficeWorkbook } from "../../src/workbook/office-workbook";
import { colIndex, isLocked, parseRange, type CellValue } from "../../src/workbook/workbook";
import { FakeExcel } from "./excel-mock";
import { serviceOver } from "./service-over";

const catalog = bundledCatalog();
const PLAN = "yiyang-14th";
const YEAR = 2023;
const targets = planTargets(catalog, PLAN);
const layout = buildProgressSheet(catalog, PLAN, { year: YEAR });
const yearCol = HISTORY_FIRST_COL + layout.historyYears.indexOf(YEAR);
const rowOf = (i: number) => SHEET.firstDataRow + i;

async function freshSheet() {
  const wb = new MemoryWorkbook();
  const service = serviceOver(wb, { year: YEAR, catalog });
  const { sheetName } = await service.generate(PLAN, YEAR, { protect: false });
  return { wb, service, sheetName };
}

/** A row's typed baseline (where it needs one) and an actual at a fraction f of the way from B to V. */
function inputsAt(t: CatalogTarget, f: number): { a: number; b: number | null } {
  const b = needsBaselineInput(t) ? 0.5 * t.threshold : null;
  const B = isRateLike(t.kind) ? 0 : (impliedBaseline(t.kind) ?? t.baselineObs?.value ?? b!);
  return { a: B + f * (t.threshold - B), b };
}

function setThresholds(wb: MemoryWorkbook, sheet: string, th: ThresholdValues) {
  for (const c of THRESHOLD_CELLS) wb.setCell(sheet, thresholdCell(c.key), th[c.key]);
}

/** Off round fractions (…0317): no pace lands on a threshold of two decimals by design. */
const fraction = fc.integer({ min: -40, max: 150 }).map((k) => k / 100 + 0.00317);
/** Three thresholds of two decimals in [0, THRESHOLD_MAX], ahead ≥ onTrack ≥ behind. */
const thresholds = fc
  .tuple(...[0, 1, 2].map(() => fc.integer({ min: 0, max: THRESHOLD_MAX * 100 })))
  .map((xs): PaceThresholds => {
    const [ahead, onTrack, behind] = xs.sort((p, q) => q - p).map((x) => x / 100);
    return { ahead, onTrack, behind };
  });

test("the title block holds a labelled cell per threshold, the defaults, as an input with validation 0–2", () => {
  const r = layout.rows[SHEET.yearRow - 1];
  for (const c of THRESHOLD_CELLS) {
    const value = r[colIndex(COL[c.value])];
    expect(r[colIndex(COL[c.label])].value).toBe(thresholdLabel(c.key));
    expect(value).toMatchObject({ value: PACE[c.key], style: "metaInput", numFmt: "0.00" });
    expect(value.validation).toMatchObject({ type: "decimal", min: 0, max: THRESHOLD_MAX });
    expect(value.validation!.prompt.text).toContain(STATUS[c.key]);
  }
  // Every row's 状态 formula reads each cell, absolutely ($G$3).
  const status = layout.rows[SHEET.firstDataRow - 1][colIndex(COL.status)].formula!;
  for (const c of THRESHOLD_CELLS) expect(status).toContain(`$${COL[c.value]}$${SHEET.yearRow}`);
});

test("HyperFormula: with thresholds drawn, each row's 状态 is assess()'s with those thresholds", async () => {
  const { wb, sheetName } = await freshSheet();
  let differs = 0;
  await fc.assert(
    fc.asyncProperty(
      thresholds,
      fc.array(fraction, { minLength: targets.length, maxLength: targets.length }),
      async (th, fs) => {
        wb.hf.batch(() => {
          setThresholds(wb, sheetName, th);
          targets.forEach((t, i) => {
            const { a, b } = inputsAt(t, fs[i]);
            wb.setCell(sheetName, `${colLetter(yearCol)}${rowOf(i)}`, a);
            if (b !== null) wb.setCell(sheetName, `${COL.baseline}${rowOf(i)}`, b);
          });
        });
        targets.forEach((t, i) => {
          const { a, b } = inputsAt(t, fs[i]);
          // An actual out of the row's range (a negative count) is 输入有误 whatever the thresholds.
          const refused = sheetCheck(t, undefined, b, YEAR, new Map([[YEAR, a]]), th) !== "";
          const want = refused ? INPUT_ERROR : assess(progressInputFor(t, a, YEAR, b), th).status;
          expect([t.id, th, fs[i], wb.value(sheetName, `${COL.status}${rowOf(i)}`)]).toEqual([
            t.id,
            th,
            fs[i],
            want,
          ]);
          if (want !== assess(progressInputFor(t, a, YEAR, b)).status) differs++;
        });
      },
    ),
    { numRuns: 40, seed: 26 },
  );
  // The thresholds moved statuses: a formula that ignored the cells would have failed above.
  expect(differs).toBeGreaterThan(10);
});

test.each<[string, ThresholdValues]>([
  ["a threshold as text", { ahead: "1.1倍", onTrack: 0.95, behind: 0.6 }],
  ["a blank threshold", { ahead: 1.05, onTrack: null, behind: 0.6 }],
  ["a logical", { ahead: 1.05, onTrack: 0.95, behind: true }],
  ["out of order", { ahead: 0.9, onTrack: 0.95, behind: 0.6 }],
  ["negative", { ahead: 1.05, onTrack: 0.95, behind: -0.1 }],
  ["above the maximum", { ahead: THRESHOLD_MAX + 0.5, onTrack: 0.95, behind: 0.6 }],
])("%s: every row is 输入有误, 输入检查 says why, as sheetCheck", async (_name, th) => {
  const { wb, sheetName } = await freshSheet();
  setThresholds(wb, sheetName, th);
  targets.forEach((t, i) => {
    const check = wb.value(sheetName, `${COL.check}${rowOf(i)}`);
    expect(check).toBe(sheetCheck(t, undefined, null, YEAR, new Map(), th));
    expect(String(check)).toContain("进度比分档下限");
    expect(wb.value(sheetName, `${COL.status}${rowOf(i)}`)).toBe(INPUT_ERROR);
    expect(sheetStatus(t, undefined, null, YEAR, new Map(), th)).toBe(INPUT_ERROR);
  });
});

describe("refresh", () => {
  const SET: ThresholdValues = { ahead: 1.2, onTrack: 0.9, behind: 0.75 };

  /** A sheet with actuals (f of the way) and, if given, thresholds typed. */
  async function typed(th?: ThresholdValues) {
    const s = await freshSheet();
    targets.forEach((t, i) => {
      const { a, b } = inputsAt(t, 0.52 + 0.04 * (i % 5));
      s.wb.setCell(s.sheetName, `${colLetter(yearCol)}${rowOf(i)}`, a);
      if (b !== null) s.wb.setCell(s.sheetName, `${COL.baseline}${rowOf(i)}`, b);
    });
    if (th) setThresholds(s.wb, s.sheetName, th);
    return s;
  }
  const statusColumn = (wb: MemoryWorkbook, sheet: string) =>
    targets.map((_, i) => wb.value(sheet, `${COL.status}${rowOf(i)}`));
  const assessed = (th: PaceThresholds) =>
    targets.map((t, i) => {
      const { a, b } = inputsAt(t, 0.52 + 0.04 * (i % 5));
      return assess(progressInputFor(t, a, YEAR, b), th).status;
    });

  test("keeps the thresholds set; the statuses follow them, and the plan's statuses say so", async () => {
    const { wb, service, sheetName } = await typed(SET);
    const plan = planRefresh(catalog, wb.contentOf(sheetName), { defaultYear: YEAR, applyDataChanges: true });
    await service.refresh(sheetName, { applyDataChanges: true, year: YEAR + 0, protect: false });
    for (const c of THRESHOLD_CELLS) expect(wb.value(sheetName, thresholdCell(c.key))).toBe(SET[c.key]);
    const want = assessed(SET as PaceThresholds);
    expect(statusColumn(wb, sheetName)).toEqual(want);
    expect(plan.statuses).toEqual(want);
    // Not the default thresholds' statuses: the cells decided.
    expect(want).not.toEqual(assessed(PACE));
  });

  test("counts a set threshold as the user's, not a default one", async () => {
    const base = await typed();
    const set = await typed(SET);
    const opts = { defaultYear: YEAR, applyDataChanges: true };
    const n0 = planRefresh(catalog, base.wb.contentOf(base.sheetName), opts).preservedInputs;
    const n1 = planRefresh(catalog, set.wb.contentOf(set.sheetName), opts).preservedInputs;
    expect(n1 - n0).toBe(THRESHOLD_CELLS.length);
  });

  test("a blank threshold (or a sheet of an earlier version) gets the default; a note there is kept", async () => {
    const { wb, service, sheetName } = await typed();
    const labelOf = (k: keyof PaceThresholds) => `${COL[THRESHOLD_CELLS.find((c) => c.key === k)!.label]}3`;
    for (const c of THRESHOLD_CELLS) {
      wb.setCell(sheetName, thresholdCell(c.key), null);
      wb.setCell(sheetName, labelOf(c.key), null);
    }
    wb.setCell(sheetName, labelOf("ahead"), "用户备注");
    expect(statusColumn(wb, sheetName)).toEqual(targets.map(() => INPUT_ERROR));
    await service.refresh(sheetName, { applyDataChanges: true, protect: false });
    for (const c of THRESHOLD_CELLS) expect(wb.value(sheetName, thresholdCell(c.key))).toBe(PACE[c.key]);
    expect(wb.value(sheetName, labelOf("ahead"))).toBe("用户备注");
    expect(wb.value(sheetName, labelOf("behind"))).toBe(thresholdLabel("behind"));
    expect(statusColumn(wb, sheetName)).toEqual(assessed(PACE));
  });
});

test("the 上报 page says the thresholds its statuses were graded by, read from the progress sheet", async () => {
  const { wb, service, sheetName } = await freshSheet();
  const i = targets.findIndex((t) => t.id === "yy14.hightech_enterprises");
  wb.setCell(sheetName, `${colLetter(yearCol)}${rowOf(i)}`, 470); // P = 0.914: 进度滞后 by the defaults
  wb.select(sheetName, "B7");
  const { sheetName: report } = await service.writeReportSheet();
  const rows = wb.grid(report).rows;
  const at = rows.findIndex((r) => r[0].value === "进度比分档下限:");
  const note = String(rows.find((r) => String(r[0].value ?? "").startsWith("说明:"))![0].value);
  expect(note).toContain("下限见下行");
  const shown = () =>
    Object.fromEntries(
      THRESHOLD_CELLS.map((c) => {
        const label = rows[at].findIndex((x) => x.value === thresholdLabel(c.key));
        return [
          c.key,
          wb.value(report, `${colLetter(rows[at].findIndex((x, k) => k > label && x.formula))}${at + 1}`),
        ];
      }),
    );
  const statusOf = () => wb.value(report, `J${REPORT.firstDataRow + i}`);
  expect([shown(), statusOf()]).toEqual([{ ahead: 1.05, onTrack: 0.95, behind: 0.6 }, STATUS.behind]);
  wb.setCell(sheetName, thresholdCell("onTrack"), 0.9);
  expect([shown(), statusOf()]).toEqual([{ ahead: 1.05, onTrack: 0.9, behind: 0.6 }, STATUS.onTrack]);
});

describe("the three back ends write the threshold cells alike", () => {
  const cells = THRESHOLD_CELLS.map((c) => ({ key: c.key, at: parseRange(thresholdCell(c.key)) }));
  type Written = { value: CellValue; numFmt: string; locked: boolean; min: unknown; max: unknown };
  const want: Written[] = THRESHOLD_CELLS.map((c) => ({
    value: PACE[c.key],
    numFmt: "0.00",
    locked: isLocked("metaInput"),
    min: 0,
    max: THRESHOLD_MAX,
  }));

  test("memory (HyperFormula)", async () => {
    const wb = new MemoryWorkbook();
    const { sheetName } = await serviceOver(wb, { year: YEAR, catalog }).generate(PLAN, YEAR);
    const got = cells.map(({ at }): Written => {
      const cell = wb.grid(sheetName).rows[at.r1][at.c1];
      const v = cell.validation!;
      return {
        value: cell.value,
        numFmt: cell.numFmt!,
        locked: wb.protectionOf(sheetName).locked(at.r1, at.c1),
        min: v.min,
        max: v.max,
      };
    });
    expect(got).toEqual(want);
  });

  test("Office.js (office-addin-mock fake)", async () => {
    const fx = new FakeExcel();
    fx.install();
    try {
      const { sheetName } = await serviceOver(new OfficeWorkbook(), { year: YEAR, catalog }).generate(
        PLAN,
        YEAR,
      );
      const s = fx.sheet(sheetName)!;
      const got = cells.map(({ at }): Written => {
        const k = `${at.r1},${at.c1}`;
        const rule = (s.validation.get(k)!.rule as { decimal: { formula1: unknown; formula2: unknown } })
          .decimal;
        return {
          value: s.get(rangeOf(at)),
          numFmt: s.numFmt.get(k)!,
          locked: s.format.get(k)?.["protection.locked"] as boolean,
          min: rule.formula1,
          max: rule.formula2,
        };
      });
      expect(got).toEqual(want);
    } finally {
      fx.uninstall();
    }
  });

  test("the .xlsx of plan report (ExcelJS, read back)", async () => {
    const buf = await layoutToWorkbook([layout], new Map(), catalog, { protect: true }).xlsx.writeBuffer();
    const file = new ExcelJS.Workbook();
    await file.xlsx.load(buf);
    const ws = file.worksheets[0];
    const got = cells.map(({ at }): Written => {
      const cell = ws.getCell(at.r1 + 1, at.c1 + 1);
      const dv = cell.dataValidation;
      return {
        value: cell.value as CellValue,
        numFmt: cell.numFmt,
        locked: cell.protection?.locked ?? true,
        min: Number(dv.formulae[0]),
        max: Number(dv.formulae[1]),
      };
    });
    expect(got).toEqual(want);
  });
});

const rangeOf = (at: { r1: number; c1: number }) => `${colLetter(at.c1)}${at.r1 + 1}`;
