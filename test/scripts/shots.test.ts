// The e2e screenshots go under the temporary directory: `npm test` leaves the tree clean. docs/*.png (shown by
// the README) are rewritten only with PLAN_UPDATE_DOCS=1.
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { shotPath } from "../e2e/shots";

const ROOT = resolve(__dirname, "../..");

test("screenshots, the README's included, go under the temporary directory by default", () => {
  for (const p of [shotPath("preview.png", {}, {}), shotPath("import.png", { docs: true }, {})]) {
    expect(p.startsWith(tmpdir())).toBe(true);
    expect(p.startsWith(ROOT)).toBe(false);
  }
});

test("PLAN_UPDATE_DOCS=1 sends the README's screenshots to docs/, the others still to the temporary directory", () => {
  const env = { PLAN_UPDATE_DOCS: "1" };
  expect(shotPath("import.png", { docs: true }, env)).toBe(join(ROOT, "docs", "import.png"));
  expect(shotPath("preview.png", {}, env).startsWith(tmpdir())).toBe(true);
});
