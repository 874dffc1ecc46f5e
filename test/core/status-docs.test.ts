// Every status the code can produce is defined, in the same words, in docs/methodology.md and in PLAN.STATUS's help.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { FUNCTIONS } from "../../src/core/functions/functions";
import { SHEET_STATUS_ORDER, STATUS_MEANING, STATUS_ORDER } from "../../src/core/method/methodology";
import { UNASSESSABLE } from "../../src/core/method/reasons";

const docs = readFileSync(join(__dirname, "../../docs/methodology.md"), "utf8");

test.each(SHEET_STATUS_ORDER)("docs/methodology.md defines %s with STATUS_MEANING's words", (s) => {
  expect(docs).toContain(`| **${s}** | ${STATUS_MEANING[s]} |`);
});

test("PLAN.STATUS's help names every status assess() gives, with its meaning", () => {
  const status = FUNCTIONS.find((f) => f.id === "STATUS")!;
  for (const s of STATUS_ORDER) {
    expect(status.zhDescription).toContain(s);
    expect(status.returns).toContain(`${s}(${STATUS_MEANING[s]})`);
  }
});

test("docs/methodology.md names every reason a row is 无法评估", () => {
  for (const r of Object.values(UNASSESSABLE)) expect(docs).toContain(`| ${r.label} |`);
});
