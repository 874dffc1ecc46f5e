// `npm start` fetches office-addin-dev-settings with npx (it is outside package-lock.json): at an exact version,
// the one README gives for sideloading by hand.
import { readFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "../..");
const start = readFileSync(join(ROOT, "scripts/start.mjs"), "utf8");
const readme = readFileSync(join(ROOT, "README.md"), "utf8");

test("office-addin-dev-settings is pinned to an exact version, the same in README", () => {
  const version = /const DEV_SETTINGS_VERSION = "([^"]+)"/.exec(start)?.[1];
  expect(version).toMatch(/^\d+\.\d+\.\d+$/);
  expect(start).toContain("`office-addin-dev-settings@${DEV_SETTINGS_VERSION}`");
  expect(start).not.toMatch(/office-addin-dev-settings@\d+["'`]/); // no range like @4
  const inReadme = [...readme.matchAll(/office-addin-dev-settings@([\w.^~<>=-]+)/g)].map((m) => m[1]);
  expect(inReadme.length).toBeGreaterThan(0);
  expect(new Set(inReadme)).toEqual(new Set([version]));
  expect(readme).toMatch(/npx (--yes )?office-addin-dev-settings@/);
  expect(readme).not.toMatch(/npx (--yes )?office-addin-dev-settings (?!@)/);
});
