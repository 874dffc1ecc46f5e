// catalog_cold_ms, run in a fresh Node process: load the production functions bundle (dist/functions.js,
// with the Office globals stubbed as Excel provides them) and make the first PLAN.TARGET call, which
// builds the catalog and every index. Prints the milliseconds.
const assoc = {};
globalThis.CustomFunctions = {
  associate: (id, fn) => (assoc[id] = fn),
  Error: class extends Error {},
  ErrorCode: { notAvailable: "#N/A", invalidValue: "#VALUE!" },
};
globalThis.Office = {
  onReady: () => Promise.resolve({}),
  context: { requirements: { isSetSupported: () => false } },
};
globalThis.window = globalThis;
globalThis.self = globalThis;
const t0 = performance.now();
require(process.argv[2]);
// Its parameters are matrices (ranges as arguments): Excel passes single values as [[x]] and gets [[result]].
const v = assoc.TARGET([["益阳"]], [["高新技术企业"]], [[2025]]);
const ms = performance.now() - t0;
if (!Array.isArray(v) || v[0][0] !== 600) throw new Error(`unexpected TARGET result ${JSON.stringify(v)}`);
process.stdout.write(String(ms));
