// The catalog store and the Runner over it: an install reaches the store's listeners and its runner (the memo
// of the old catalog dropped), never another store.
import { bundledCatalog } from "../../src/core/catalog/catalog";
import { createCatalogStore } from "../../src/core/catalog/store";
import { Runner } from "../../src/core/functions/runner";
import { validatePack } from "../../src/core/packs/pack";
import { buildCatalogWithPacks } from "../../src/core/packs/pack-import";
import fixture from "../fixtures/example-pack.json";

const withPack = () => {
  const v = validatePack(fixture);
  if (!v.ok) throw new Error(v.errors.join("\n"));
  return buildCatalogWithPacks([v.pack]).catalog;
};
const ASK = ["示例县", "高新技术企业", 2030] as const;

test("a new store holds the bundled plans; install(null) goes back to them", () => {
  const store = createCatalogStore();
  expect(store.current()).toBe(bundledCatalog());
  const c = withPack();
  store.install(c);
  expect(store.current()).toBe(c);
  store.install(null);
  expect(store.current()).toBe(bundledCatalog());
});

test("listeners hear every install until they stop; each subscription stops on its own", () => {
  const store = createCatalogStore();
  const f = jest.fn();
  const stopFirst = store.subscribe(f);
  const stopSecond = store.subscribe(f);
  store.install(withPack());
  expect(f).toHaveBeenCalledTimes(2);
  stopFirst();
  store.install(null);
  expect(f).toHaveBeenCalledTimes(3);
  stopSecond();
  store.install(null);
  expect(f).toHaveBeenCalledTimes(3);
});

test("a runner answers from its store's catalog as it is now, its memo of the old one dropped", () => {
  const store = createCatalogStore();
  const runner = new Runner(store);
  expect(runner.run("TARGET", [...ASK])).toMatchObject({ ok: false, error: "#N/A" });
  store.install(withPack());
  expect(runner.run("TARGET", [...ASK])).toEqual({ ok: true, value: 150 });
  expect(runner.context().catalog).toBe(store.current());
  store.install(null);
  expect(runner.run("TARGET", [...ASK])).toMatchObject({ ok: false, error: "#N/A" });
});

test("two stores are two runtimes: an install in one leaves the other's answers alone", () => {
  const a = createCatalogStore();
  const b = createCatalogStore();
  a.install(withPack());
  expect(new Runner(a).run("TARGET", [...ASK])).toEqual({ ok: true, value: 150 });
  expect(new Runner(b).run("TARGET", [...ASK])).toMatchObject({ ok: false, error: "#N/A" });
  expect(b.current()).toBe(bundledCatalog());
});
