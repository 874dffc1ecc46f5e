// A fake Excel host for the Office.js adapter, built on office-addin-mock: every proxy object (worksheet, range,
// protection, formats…) is an OfficeMockObject, so a property read before load + sync yields office-addin-mock's
// "not loaded" / "sync not called" error strings, as Office.js would fail. Writes (property sets and method calls)
// are queued as commands and applied, in order, at context.sync — not transactionally, like Excel: a failing
// command leaves the commands before it applied. context.sync is counted.
//
// Simplifications: reads take the workbook state when the proxy is created (the adapter never reads after writing
// in one batch); formulas are stored, not evaluated (their values read as ""); inserting rows/columns shifts cells
// but does not rewrite references inside formulas.
import { OfficeMockObject } from "office-addin-mock";

import { colLetter } from "../../src/core/sheet/layout";
import { parseRange, rangeA1, type Rect } from "../../src/workbook/workbook";

type Value = string | number | boolean;

export interface FakeCf {
  range: string;
  type: string;
  props: Record<string, unknown>;
}

/** A chart as the adapter made it: charts.add arguments, ranges as A1, properties set, position. */
export interface FakeChart {
  type: string;
  source: string;
  seriesBy: string;
  props: Record<string, unknown>;
  position: [string, string] | null;
  /** Category (x-axis) range per series index, from setXAxisValues. */
  xAxis: Map<number, string>;
}

export class FakeSheet {
  protected = false;
  /** A user's password: unprotect() without it fails. */
  password?: string;
  /** The options the add-in protected the sheet with. */
  protectionOptions?: Record<string, boolean>;
  /** Content as Range.formulas shows it: "=…" or a constant. */
  cells = new Map<string, Value>();
  numFmt = new Map<string, string>();
  /** Format properties set per cell, e.g. "fill.color" → "#FFF2CC". */
  format = new Map<string, Record<string, unknown>>();
  merges: Rect[] = [];
  cfs: FakeCf[] = [];
  columnWidth = new Map<number, number>();
  hiddenColumns = new Set<number>();
  /** Data validation per cell "r,c": the properties set (rule, prompt, errorAlert, ignoreBlanks). */
  validation = new Map<string, Record<string, unknown>>();
  frozen: string | null = null;
  /** What a formula cell shows, by "r,c" (formulas are not evaluated: set what Excel would show). */
  shown = new Map<string, Value>();
  printArea: string | null = null;
  /** The range an AutoFilter was applied to. */
  autoFilter: string | null = null;
  /** Dynamic arrays: the top-left cell "r,c" of a spill → the range it spills over (values in `shown`). */
  spills = new Map<string, Rect>();
  printTitleRows: string | null = null;
  page: Record<string, unknown> = {};
  charts: FakeChart[] = [];
  /** Excel.SheetVisibility: "Visible", "Hidden" or "VeryHidden". */
  visibility = "Visible";
  constructor(public name: string) {}

  get(a1: string): Value | null {
    const { r1, c1 } = parseRange(a1);
    return this.cells.get(`${r1},${c1}`) ?? null;
  }
  set(a1: string, v: Value | null) {
    const { r1, c1 } = parseRange(a1);
    if (v === null) this.cells.delete(`${r1},${c1}`);
    else this.cells.set(`${r1},${c1}`, v);
  }
  fmt(a1: string): Record<string, unknown> {
    const { r1, c1 } = parseRange(a1);
    return this.format.get(`${r1},${c1}`) ?? {};
  }
  /** Insert whole rows or columns before 0-based `at`: cells, formats, merges and columns shift (as the user or Excel does). */
  insert(rows: boolean, at: number, n: number) {
    const move = <T>(m: Map<string, T>) =>
      new Map(
        [...m].map(([k, v]) => {
          const [r, c] = k.split(",").map(Number);
          return [rows ? `${r >= at ? r + n : r},${c}` : `${r},${c >= at ? c + n : c}`, v] as [string, T];
        }),
      );
    this.cells = move(this.cells);
    this.numFmt = move(this.numFmt);
    this.format = move(this.format);
    const shiftRect = (m: Rect): Rect =>
      rows
        ? { ...m, r1: m.r1 >= at ? m.r1 + n : m.r1, r2: m.r2 >= at ? m.r2 + n : m.r2 }
        : { ...m, c1: m.c1 >= at ? m.c1 + n : m.c1, c2: m.c2 >= at ? m.c2 + n : m.c2 };
    this.merges = this.merges.map(shiftRect);
    if (!rows) {
      this.columnWidth = new Map([...this.columnWidth].map(([c, w]) => [c >= at ? c + n : c, w]));
      this.hiddenColumns = new Set([...this.hiddenColumns].map((c) => (c >= at ? c + n : c)));
    }
  }

  /** Delete whole rows or columns from 0-based `at`: their cells go, those after shift back (Excel's delete). */
  remove(rows: boolean, at: number, n: number) {
    const move = <T>(m: Map<string, T>) =>
      new Map(
        [...m].flatMap(([k, v]) => {
          const [r, c] = k.split(",").map(Number);
          const x = rows ? r : c;
          if (x >= at && x < at + n) return [];
          const y = x >= at + n ? x - n : x;
          return [[rows ? `${y},${c}` : `${r},${y}`, v] as [string, T]];
        }),
      );
    this.cells = move(this.cells);
    this.numFmt = move(this.numFmt);
    this.format = move(this.format);
  }

  /** Bounding box of non-empty cells. */
  used(): Rect | null {
    let box: Rect | null = null;
    for (const k of this.cells.keys()) {
      const [r, c] = k.split(",").map(Number);
      box = box
        ? {
            r1: Math.min(box.r1, r),
            c1: Math.min(box.c1, c),
            r2: Math.max(box.r2, r),
            c2: Math.max(box.c2, c),
          }
        : { r1: r, c1: c, r2: r, c2: c };
    }
    return box;
  }
}

class ExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "OfficeExtension.Error";
  }
}

interface Command {
  sheet: string;
  what: string;
  apply(): void;
}

const keyOf = (r: number, c: number) => `${r},${c}`;
const clip = (x: Rect, y: Rect): Rect | null => {
  const r = {
    r1: Math.max(x.r1, y.r1),
    c1: Math.max(x.c1, y.c1),
    r2: Math.min(x.r2, y.r2),
    c2: Math.min(x.c2, y.c2),
  };
  return r.r1 <= r.r2 && r.c1 <= r.c2 ? r : null;
};

export class FakeExcel {
  sheets: FakeSheet[] = [];
  activeSheet: string | null = null;
  selection: { sheet: string; row: number; col: number; rows?: number; cols?: number } | null = null;
  /** Comments added (workbook.comments.add, ExcelApi 1.10): "'Sheet'!A1" → content. */
  comments = new Map<string, string>();
  /** Every context.sync. */
  syncs = 0;
  /** Range objects made (getRange, getUsedRange…): what a batch costs the host beyond its commands. */
  ranges = 0;
  /** Syncs that carried at least one write command. */
  writeSyncs = 0;
  /** Commands applied, in order ("set A1:S26 formulas", "insert 27:27 Down", …). */
  applied: string[] = [];
  /** Make the n-th write command (0-based) of the next write batch fail with an Excel error. */
  failAt: number | null = null;
  /** Reject calls chained on a missing sheet's null object (a stricter host than the adapter assumes). */
  rejectNullChains = false;
  /** Drop pageLayout.zoom writes silently, as Excel may when the Page Layout tab is not shown (office-js#1860). */
  ignorePageZoom = false;
  /** 保护工作簿: adding a sheet or changing a sheet's visibility fails with AccessDenied. */
  structureProtected = false;
  /** application.calculate calls applied, by calculation type ("Full", …). */
  calculations: string[] = [];
  /** application.calculationMode: "Automatic", "AutomaticExceptTables" or "Manual". */
  calculationMode = "Automatic";

  addSheet(name: string): FakeSheet {
    const s = new FakeSheet(name);
    this.sheets.push(s);
    this.activeSheet ??= name;
    return s;
  }
  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** Install as the global Excel (itself an OfficeMockObject whose run() opens a batch). */
  install(): void {
    (globalThis as { Excel?: unknown }).Excel = new OfficeMockObject({
      run: async (cb: (ctx: unknown) => Promise<unknown>) => cb(new Batch(this).context),
    });
  }
  uninstall(): void {
    delete (globalThis as { Excel?: unknown }).Excel;
  }
}

/** One Excel.run: its proxies, its queued commands, its sync. */
class Batch {
  readonly context: unknown;
  private queue: Command[] = [];
  private mocks: OfficeMockObject[] = [];
  private pending: (() => void)[] = [];
  private readError: Error | null = null;
  private rects = new WeakMap<object, { sheet: string; rect: Rect }>();

  constructor(private readonly fx: FakeExcel) {
    const wb = new OfficeMockObject({
      worksheets: {
        getItemOrNullObject: (name: string) => this.worksheet(name, true),
        getItem: (name: string) => this.worksheet(name, false),
        getActiveWorksheet: () => this.worksheet(this.fx.activeSheet ?? "", true),
        add: (name: string) => {
          this.command(
            name,
            `add sheet ${name}`,
            () => {
              if (this.fx.structureProtected)
                throw new ExcelError("AccessDenied", "The workbook structure is protected");
              if (this.fx.sheet(name))
                throw new ExcelError("ItemAlreadyExists", `A sheet named ${name} exists`);
              this.fx.addSheet(name);
            },
            true,
          );
          return this.worksheet(name, false);
        },
      },
      getSelectedRange: () => {
        const sel = this.fx.selection;
        if (!sel) throw new ExcelError("InvalidSelection", "no selection");
        const [r2, c2] = [sel.row + (sel.rows ?? 1) - 1, sel.col + (sel.cols ?? 1) - 1];
        return this.range(sel.sheet, { r1: sel.row, c1: sel.col, r2, c2 });
      },
      application: {
        calculationMode: this.fx.calculationMode,
        calculate: (type: string) =>
          this.command("", `calculate ${type}`, () => this.fx.calculations.push(type), true),
        suspendApiCalculationUntilNextSync: () =>
          this.command("", "suspendApiCalculationUntilNextSync", () => undefined, true),
        suspendScreenUpdatingUntilNextSync: () =>
          this.command("", "suspendScreenUpdatingUntilNextSync", () => undefined, true),
      },
      comments: {
        add: (address: string, content: string) =>
          this.command("", `comment ${address}`, () => this.fx.comments.set(address, content), true),
      },
    });
    // worksheets.load("items/name") and .items: a collection, resolved at sync.
    const worksheets = wb.worksheets as OfficeMockObject & { items?: unknown };
    let items: unknown = "Error, property was not loaded";
    Object.defineProperty(worksheets, "items", { get: () => items, configurable: true });
    worksheets.load = ((arg: string) => {
      if (!/^items\/name$/.test(arg.replace(/\s/g, ""))) throw new Error(`fake: unsupported load ${arg}`);
      items = "Error, context.sync() was not called";
      this.pending.push(() => {
        items = this.fx.sheets.map((s) => {
          const ws = this.worksheet(s.name, true);
          ws.load("name");
          return ws;
        });
      });
      return worksheets;
    }) as never;
    this.mocks.push(wb);
    this.context = { workbook: this.record(wb, "", "workbook"), sync: () => this.sync() };
  }

  private async sync(): Promise<void> {
    this.fx.syncs++;
    const cmds = this.queue.splice(0);
    if (cmds.length) this.fx.writeSyncs++;
    const readError = this.readError;
    this.readError = null;
    if (readError) throw readError;
    cmds.forEach((cmd, i) => {
      if (this.fx.failAt === i) {
        this.fx.failAt = null;
        throw new ExcelError("GeneralException", `fake failure at command ${i} (${cmd.what})`);
      }
      const s = this.fx.sheet(cmd.sheet);
      if (s?.protected) throw new ExcelError("AccessDenied", `The sheet ${cmd.sheet} is protected`);
      cmd.apply();
      this.fx.applied.push(cmd.what);
    });
    for (const p of this.pending.splice(0)) p();
    for (const m of this.mocks) await m.sync();
    // office-addin-mock settles loaded properties in promise callbacks: let them run.
    await new Promise((resolve) => setImmediate(resolve));
  }

  private command(sheet: string, what: string, apply: () => void, force = false) {
    this.queue.push({
      sheet: force ? "" : sheet,
      what,
      apply: () => {
        if (!force && !this.fx.sheet(sheet)) throw new ExcelError("ItemNotFound", `no sheet ${sheet}`);
        apply();
      },
    });
  }

  /** Wrap a mock so that property sets become commands (path from the proxy object, e.g. "format.fill.color"). */
  private record<T extends object>(
    mock: T,
    sheet: string,
    what: string,
    onSet?: (path: string[], v: unknown) => void,
  ): T {
    return new Proxy(mock, {
      get: (target, prop, recv) => {
        const v = Reflect.get(target, prop, recv);
        if (typeof v === "function") return v.bind(target);
        if (v instanceof OfficeMockObject && typeof prop === "string")
          return this.record(v, sheet, what, onSet ? (path, x) => onSet([prop, ...path], x) : undefined);
        return v;
      },
      set: (target, prop, v) => {
        if (!onSet) throw new Error(`fake: unexpected write ${what}.${String(prop)}`);
        onSet([String(prop)], v);
        return Reflect.set(target, prop, v);
      },
    });
  }

  private mock(data: Record<string, unknown>): OfficeMockObject {
    const m = new OfficeMockObject(data);
    this.mocks.push(m);
    return m;
  }

  private worksheet(name: string, orNull: boolean) {
    const s = this.fx.sheet(name);
    const isNull = orNull && !s;
    const sheetName = s?.name ?? name;
    const nullRange = () => {
      if (isNull && this.fx.rejectNullChains)
        this.readError = new ExcelError("ItemNotFound", `no sheet ${name}`);
      return nullRange0();
    };
    const nullRange0 = () =>
      this.record(
        this.mock({
          isNullObject: true,
          values: "Error, null object",
          formulas: "Error, null object",
          numberFormat: "Error, null object",
          rowIndex: -1,
          columnIndex: -1,
        }),
        name,
        "null",
      );
    const ws = this.mock({
      isNullObject: isNull,
      name: sheetName,
      visibility: s?.visibility ?? "Visible",
      protection: {
        protected: s?.protected ?? false,
        options: s?.protectionOptions ?? {},
        // Commands that run on a protected sheet (forced past the AccessDenied check); a password refuses unprotect.
        unprotect: () =>
          this.command(
            "",
            `unprotect ${sheetName}`,
            () => {
              const sh = this.fx.sheet(sheetName)!;
              if (sh.password) throw new ExcelError("AccessDenied", `The sheet ${sheetName} has a password`);
              sh.protected = false;
            },
            true,
          ),
        protect: (options: Record<string, boolean>) =>
          this.command(
            "",
            `protect ${sheetName}`,
            () => {
              const sh = this.fx.sheet(sheetName)!;
              sh.protected = true;
              sh.protectionOptions = options;
            },
            true,
          ),
      },
      freezePanes: {
        unfreeze: () => this.command(sheetName, "unfreeze", () => (this.fx.sheet(sheetName)!.frozen = null)),
        freezeAt: (r: object) => {
          const at = this.rects.get(r)!;
          this.command(
            sheetName,
            `freezeAt ${rangeA1(at.rect.r1, at.rect.c1, at.rect.r2, at.rect.c2)}`,
            () => {
              this.fx.sheet(sheetName)!.frozen = rangeA1(at.rect.r1, at.rect.c1, at.rect.r2, at.rect.c2);
            },
          );
        },
      },
      autoFilter: {
        apply: (r: object) => {
          const at = this.rects.get(r)!.rect;
          const range = rangeA1(at.r1, at.c1, at.r2, at.c2);
          this.command(
            sheetName,
            `autoFilter ${range}`,
            () => (this.fx.sheet(sheetName)!.autoFilter = range),
          );
        },
      },
      pageLayout: {
        orientation: "Portrait",
        // load("zoom") reads back, at sync, the zoom the sheet has after the batch's commands.
        load: (what: string) => {
          if (what !== "zoom") throw new Error(`fake: unsupported pageLayout load ${what}`);
          this.pending.push(() => {
            const applied = this.fx.sheet(sheetName)?.page.zoom ?? { scale: 100 };
            (ws as unknown as { pageLayout: { zoom: unknown } }).pageLayout.zoom = applied;
          });
        },
        headersFooters: { defaultForAllPages: {} },
        setPrintArea: (a: string) =>
          this.command(sheetName, `printArea ${a}`, () => (this.fx.sheet(sheetName)!.printArea = a)),
        setPrintTitleRows: (a: string) =>
          this.command(
            sheetName,
            `printTitleRows ${a}`,
            () => (this.fx.sheet(sheetName)!.printTitleRows = a),
          ),
      },
      charts: {
        add: (type: string, source: object, seriesBy: string) =>
          this.chart(sheetName, type, source, seriesBy),
        // A chart by name: isNullObject resolved at sync, delete() a command.
        getItemOrNullObject: (name: string) => {
          const charts = () => this.fx.sheet(sheetName)?.charts ?? [];
          const proxy = {
            isNullObject: true,
            load: () => {
              this.pending.push(() => (proxy.isNullObject = !charts().some((c) => c.props.name === name)));
              return proxy;
            },
            delete: () =>
              this.command(sheetName, `deleteChart ${name}`, () => {
                const s = this.fx.sheet(sheetName)!;
                s.charts = s.charts.filter((c) => c.props.name !== name);
              }),
          };
          return proxy;
        },
      },
      getRange: (address: string) => (isNull ? nullRange() : this.range(sheetName, parseRange(address))),
      getRanges: (address: string) => this.areas(sheetName, address.split(",").map(parseRange)),
      getUsedRangeOrNullObject: () => {
        const box = isNull ? null : this.fx.sheet(sheetName)?.used();
        return box ? this.range(sheetName, box) : nullRange();
      },
      activate: () =>
        this.command(sheetName, `activate ${sheetName}`, () => (this.fx.activeSheet = sheetName)),
      delete: () => {
        if (isNull) return;
        this.command(
          sheetName,
          `delete sheet ${sheetName}`,
          () => (this.fx.sheets = this.fx.sheets.filter((x) => x.name !== sheetName)),
          true,
        );
      },
    });
    return this.record(ws, sheetName, `sheet ${sheetName}`, (path, v) => {
      if (path[0] === "visibility")
        return this.command(sheetName, `visibility ${v}`, () => {
          if (this.fx.structureProtected)
            throw new ExcelError("AccessDenied", "The workbook structure is protected");
          this.fx.sheet(sheetName)!.visibility = v as string;
        });
      if (path[0] !== "pageLayout") throw new Error(`fake: unexpected write ${path.join(".")}`);
      const prop = path.slice(1).join(".");
      this.command(sheetName, `pageLayout.${prop}`, () => {
        if (prop !== "zoom" || !this.fx.ignorePageZoom) this.fx.sheet(sheetName)!.page[prop] = v;
      });
    }) as OfficeMockObject & Record<string, never>;
  }

  /** A range proxy over a rectangle (rows/columns may be open-ended: Infinity). */
  private range(sheetName: string, rect: Rect) {
    this.fx.ranges++;
    const s = this.fx.sheet(sheetName);
    const box = s?.used() ?? null;
    const bounded = {
      r1: rect.r1,
      c1: rect.c1,
      r2: Number.isFinite(rect.r2) ? rect.r2 : (box?.r2 ?? rect.r1),
      c2: Number.isFinite(rect.c2) ? rect.c2 : (box?.c2 ?? rect.c1),
    };
    const grid = (f: (r: number, c: number) => unknown) =>
      Array.from({ length: bounded.r2 - bounded.r1 + 1 }, (_, i) =>
        Array.from({ length: bounded.c2 - bounded.c1 + 1 }, (_, j) => f(bounded.r1 + i, bounded.c1 + j)),
      );
    const content = (r: number, c: number) => s?.cells.get(keyOf(r, c)) ?? "";
    const address = `${sheetName}!${rangeA1(bounded.r1, bounded.c1, bounded.r2, bounded.c2)}`;
    const where =
      Number.isFinite(rect.c2) || !Number.isFinite(rect.r2)
        ? rangeA1(rect.r1, rect.c1, bounded.r2, bounded.c2)
        : `${rect.r1 + 1}:${rect.r2 + 1}`;
    const data: Record<string, unknown> = {
      isNullObject: false,
      address,
      rowIndex: bounded.r1,
      columnIndex: bounded.c1,
      rowCount: bounded.r2 - bounded.r1 + 1,
      columnCount: bounded.c2 - bounded.c1 + 1,
      values: grid((r, c) => {
        const v = content(r, c);
        // A formula cell shows what is set for it, and so does an empty cell a spill covers.
        const spilled = v === "" || (typeof v === "string" && v.startsWith("="));
        return spilled ? (s?.shown.get(keyOf(r, c)) ?? "") : v;
      }),
      formulas: grid(content),
      numberFormat: grid((r, c) => s?.numFmt.get(keyOf(r, c)) ?? "General"),
      columnHidden: false,
      format: {
        fill: { clear: () => this.formatCommand(sheetName, [rect], "fill.color", null) },
        font: {},
        protection: {},
        columnWidth: 0,
      },
      dataValidation: {
        clear: () =>
          this.command(sheetName, `clearValidation ${where}`, () => {
            const sh = this.fx.sheet(sheetName)!;
            for (let i = rect.r1; i <= rect.r2; i++)
              for (let j = rect.c1; j <= rect.c2; j++) sh.validation.delete(keyOf(i, j));
          }),
      },
      conditionalFormats: {
        add: (type: string) => this.conditionalFormat(sheetName, rect, type),
        clearAll: () =>
          this.command(sheetName, `clearCf ${where}`, () => {
            const sh = this.fx.sheet(sheetName)!;
            sh.cfs = sh.cfs.filter((cf) => !clip(parseRange(cf.range), rect));
          }),
      },
      insert: (shift: string) =>
        this.command(sheetName, `insert ${where} ${shift}`, () =>
          shift === "Down"
            ? this.fx.sheet(sheetName)!.insert(true, rect.r1, rect.r2 - rect.r1 + 1)
            : this.fx.sheet(sheetName)!.insert(false, rect.c1, rect.c2 - rect.c1 + 1),
        ),
      delete: (shift: string) =>
        this.command(sheetName, `delete ${where} ${shift}`, () =>
          shift === "Up"
            ? this.fx.sheet(sheetName)!.remove(true, rect.r1, rect.r2 - rect.r1 + 1)
            : this.fx.sheet(sheetName)!.remove(false, rect.c1, rect.c2 - rect.c1 + 1),
        ),
      merge: () =>
        this.command(sheetName, `merge ${where}`, () => this.fx.sheet(sheetName)!.merges.push(rect)),
      unmerge: () =>
        this.command(sheetName, `unmerge ${where}`, () => {
          const sh = this.fx.sheet(sheetName)!;
          sh.merges = sh.merges.filter((m) => !clip(m, rect));
        }),
      // ExcelApi 1.12: the range the top-left cell spills over; a null object where it does not spill.
      getSpillingToRangeOrNullObject: () => {
        const spill = s?.spills.get(keyOf(rect.r1, rect.c1));
        return spill
          ? this.range(sheetName, spill)
          : this.record(
              this.mock({ isNullObject: true, address: "Error, null object", values: "Error, null object" }),
              sheetName,
              "null",
            );
      },
      getCell: (r: number, c: number) =>
        this.range(sheetName, { r1: rect.r1 + r, c1: rect.c1 + c, r2: rect.r1 + r, c2: rect.c1 + c }),
      getEntireRow: () =>
        this.range(sheetName, { r1: rect.r1, c1: 0, r2: rect.r2, c2: Number.POSITIVE_INFINITY }),
      getUsedRangeOrNullObject: () => {
        const inner = box && clip(box, rect);
        return inner
          ? this.range(sheetName, inner)
          : this.record(
              this.mock({ isNullObject: true, values: "Error, null object", rowIndex: -1, columnIndex: -1 }),
              sheetName,
              "null",
            );
      },
    };
    const proxy = this.record(this.mock(data), sheetName, `range ${where}`, (path, v) =>
      this.setOnRange(sheetName, rect, path, v),
    );
    this.rects.set(proxy, { sheet: sheetName, rect });
    return proxy;
  }

  private areas(sheetName: string, rects: Rect[]) {
    const m = this.mock({
      format: {
        fill: { clear: () => this.formatCommand(sheetName, rects, "fill.color", null) },
        font: {},
        protection: {},
      },
    });
    return this.record(m, sheetName, "areas", (path, v) => {
      if (path[0] !== "format") throw new Error(`fake: unexpected areas write ${path.join(".")}`);
      this.formatCommand(sheetName, rects, path.slice(1).join("."), v);
    });
  }

  private formatCommand(sheetName: string, rects: Rect[], prop: string, v: unknown) {
    this.command(
      sheetName,
      `format ${rects.map((r) => rangeA1(r.r1, r.c1, r.r2, r.c2)).join(",")} ${prop}`,
      () => {
        const sh = this.fx.sheet(sheetName)!;
        for (const r of rects)
          for (let i = r.r1; i <= r.r2; i++)
            for (let j = r.c1; j <= r.c2; j++)
              sh.format.set(keyOf(i, j), { ...sh.format.get(keyOf(i, j)), [prop]: v });
      },
    );
  }

  private setOnRange(sheetName: string, rect: Rect, path: string[], v: unknown) {
    const prop = path.join(".");
    if (prop === "formulas" || prop === "values" || prop === "numberFormat") {
      const grid = v as unknown[][];
      this.command(sheetName, `set ${rangeA1(rect.r1, rect.c1, rect.r2, rect.c2)} ${prop}`, () => {
        const sh = this.fx.sheet(sheetName)!;
        if (grid.length !== rect.r2 - rect.r1 + 1 || grid.some((row) => row.length !== rect.c2 - rect.c1 + 1))
          throw new ExcelError(
            "InvalidArgument",
            "The number of rows or columns in the input array doesn't match the size of the range",
          );
        grid.forEach((row, i) =>
          row.forEach((x, j) => {
            if (x === null) return; // null leaves the cell unchanged
            const k = keyOf(rect.r1 + i, rect.c1 + j);
            if (prop === "numberFormat") sh.numFmt.set(k, x as string);
            else if (x === "") sh.cells.delete(k);
            else sh.cells.set(k, typeof x === "string" && x.startsWith("'") ? x.slice(1) : (x as Value));
          }),
        );
      });
    } else if (prop === "columnHidden") {
      this.command(sheetName, `hide ${colLetter(rect.c1)}`, () => {
        const hidden = this.fx.sheet(sheetName)!.hiddenColumns;
        for (let c = rect.c1; c <= rect.c2; c++) {
          if (v) hidden.add(c);
          else hidden.delete(c);
        }
      });
    } else if (prop === "format.columnWidth") {
      this.command(sheetName, `width ${colLetter(rect.c1)}`, () => {
        for (let c = rect.c1; c <= rect.c2; c++) this.fx.sheet(sheetName)!.columnWidth.set(c, v as number);
      });
    } else if (path[0] === "format") {
      this.formatCommand(sheetName, [rect], path.slice(1).join("."), v);
    } else if (path[0] === "dataValidation") {
      this.command(sheetName, `validation ${rangeA1(rect.r1, rect.c1, rect.r2, rect.c2)} ${prop}`, () => {
        const sh = this.fx.sheet(sheetName)!;
        for (let i = rect.r1; i <= rect.r2; i++)
          for (let j = rect.c1; j <= rect.c2; j++)
            sh.validation.set(keyOf(i, j), {
              ...sh.validation.get(keyOf(i, j)),
              [path.slice(1).join(".")]: v,
            });
      });
    } else throw new Error(`fake: unexpected range write ${prop}`);
  }

  /** charts.add: a command; the chart's property sets and method calls are commands on it. */
  private chart(sheetName: string, type: string, source: object, seriesBy: string) {
    const a1 = (r: object) => {
      const at = this.rects.get(r)!.rect;
      return rangeA1(at.r1, at.c1, at.r2, at.c2);
    };
    const chart: FakeChart = {
      type,
      source: a1(source),
      seriesBy,
      props: {},
      position: null,
      xAxis: new Map(),
    };
    this.command(sheetName, `addChart ${type} ${chart.source}`, () =>
      this.fx.sheet(sheetName)!.charts.push(chart),
    );
    const m = this.mock({
      name: "",
      title: {},
      legend: {},
      axes: { valueAxis: {} },
      setPosition: (from: string, to: string) =>
        this.command(sheetName, `chart position ${from}:${to}`, () => (chart.position = [from, to])),
      series: {
        getItemAt: (i: number) => ({
          setXAxisValues: (r: object) =>
            this.command(sheetName, `chart series ${i} x ${a1(r)}`, () => chart.xAxis.set(i, a1(r))),
        }),
      },
    });
    return this.record(m, sheetName, "chart", (path, v) =>
      this.command(sheetName, `chart ${path.join(".")}`, () => (chart.props[path.join(".")] = v)),
    );
  }

  private conditionalFormat(sheetName: string, rect: Rect, type: string) {
    const cf: FakeCf = { range: rangeA1(rect.r1, rect.c1, rect.r2, rect.c2), type, props: {} };
    this.command(sheetName, `addCf ${cf.range} ${type}`, () => this.fx.sheet(sheetName)!.cfs.push(cf));
    const m = this.mock({
      cellValue: { format: { fill: {}, font: {} } },
      textComparison: { format: { fill: {}, font: {} } },
      dataBar: { positiveFormat: {} },
    });
    return this.record(m, sheetName, "cf", (path, v) =>
      this.command(sheetName, `cf ${path.join(".")}`, () => (cf.props[path.join(".")] = v)),
    );
  }
}
