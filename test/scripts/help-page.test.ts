// The help page (help.html: SupportUrl, LearnMoreUrl, each function's helpUrl) says what the sources say: one
// section per function of the table with its parameters, every status with its meaning, the rule of every kind.
import { KIND_LABEL } from "../../src/core/catalog/labels";
import { FUNCTIONS } from "../../src/core/functions/functions";
import { KIND_METHOD, SHEET_STATUS_ORDER, STATUS_MEANING } from "../../src/core/method/methodology";
import { HELP_PAGE, withHelpUrls, type CfMetadata } from "../../scripts/addin-build";
import { helpPage } from "../../scripts/help-page";

const html = helpPage();

test("one section per function, anchored by its id, with its Chinese help and every parameter", () => {
  for (const f of FUNCTIONS) {
    const at = html.indexOf(`<section id="${f.id}">`);
    expect(at).toBeGreaterThan(0);
    const section = html.slice(at, html.indexOf("</section>", at));
    expect(section).toContain(`PLAN.${f.id}(`);
    expect(section).toContain(f.zhDescription.replace(/"/g, "&quot;"));
    for (const p of f.params) expect(section).toContain(`<b>${p.zhName}</b>`);
  }
});

test("every status with its meaning, and the rule of every kind of target", () => {
  for (const s of SHEET_STATUS_ORDER) expect(html).toContain(`<td>${s}</td><td>${STATUS_MEANING[s]}</td>`);
  for (const k of Object.keys(KIND_METHOD) as (keyof typeof KIND_METHOD)[]) {
    expect(html).toContain(`<td>${KIND_LABEL[k]}</td>`);
    expect(html).toContain(KIND_METHOD[k].linear);
  }
  expect(html).toContain("2.1 表示 2.1%");
});

test("each function's helpUrl is its section of the page at the add-in's address", () => {
  const meta: CfMetadata = { functions: FUNCTIONS.map((f) => ({ id: f.id, name: f.id, parameters: [] })) };
  const out = withHelpUrls(meta, "https://addin.tjj.local/plan/");
  for (const f of out.functions) expect(f.helpUrl).toBe(`https://addin.tjj.local/plan/${HELP_PAGE}#${f.id}`);
});
