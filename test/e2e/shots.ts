// Where the e2e tests put screenshots: under the system's temporary directory, so `npm test` leaves the tree as
// it was. The screenshots the README shows (docs/*.png) are rewritten only when asked: PLAN_UPDATE_DOCS=1.
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "../..");

/** The path of a screenshot, its directory made; `docs` marks one the README shows. */
export function shotPath(name: string, o: { docs?: boolean } = {}, env = process.env): string {
  const dir = o.docs && env.PLAN_UPDATE_DOCS === "1" ? join(ROOT, "docs") : join(tmpdir(), "plan-e2e-shots");
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}
