// A scriptable ProgressService for the pane's component tests.
import { SHEET_STATUS_ORDER, type SheetStatus } from "../../src/core/method/methodology";
import type { FreezeCell, FreezePreview, FreezeResult, FreezeScope } from "../../src/sheet/freeze";
import type {
  ActiveProgressSheet,
  ProgressService,
  ProgressSheetInfo,
  RefreshPlan,
  RowSource,
  SheetResult,
  SheetYearChoice,
} from "../../src/services/service";

export function counts(partial: Partial<Record<SheetStatus, number>>): Record<SheetStatus, number> {
  return Object.fromEntries(SHEET_STATUS_ORDER.map((s) => [s, partial[s] ?? 0])) as Record<
    SheetStatus,
    number
  >;
}

export function result(over: Partial<SheetResult> = {}): SheetResult {
  return {
    sheetName: "进度_益阳十四五科技发展规划",
    planId: "yiyang-14th",
    year: 2023,
    rows: 12,
    counts: counts({ 无法评估: 9, 已完成: 2, 进度滞后: 1 }),
    typedFormats: [],
    ...over,
  };
}

export type FakeService = {
  [K in keyof ProgressService]: jest.Mock<ReturnType<ProgressService[K]>, Parameters<ProgressService[K]>>;
};

/** Each fake service's sheet-event listeners (those subscribed and not yet unsubscribed). */
const sheetListeners = new WeakMap<FakeService, Set<() => void>>();

/** The host tells: a sheet was added, deleted or activated. */
export function sheetEvent(service: FakeService): void {
  for (const l of sheetListeners.get(service) ?? []) l();
}

export function fakeService(
  opts: {
    sheets?: ProgressSheetInfo[];
    plan?: RefreshPlan;
    source?: RowSource | null;
    active?: ActiveProgressSheet | null;
    freeze?: FreezePreview;
  } = {},
): FakeService {
  // The caller's array: a test may add a sheet to it, then send a sheet event.
  const sheets = opts.sheets ?? [];
  const listeners = new Set<() => void>();
  const service: FakeService = {
    listProgressSheets: jest.fn(async () => [...sheets]),
    onSheetsChanged: jest.fn((l: () => void) => {
      listeners.add(l);
      return () => void listeners.delete(l);
    }),
    generate: jest.fn(async (planId: string, year: number, _o?: { sheetYear?: SheetYearChoice }) =>
      result({ planId, year }),
    ),
    activeProgressSheet: jest.fn(async (): Promise<ActiveProgressSheet | null> => opts.active ?? null),
    planRefresh: jest.fn(
      async (sheetName: string) =>
        opts.plan ?? {
          sheetName,
          planId: "yiyang-14th",
          dataChanges: [],
          overwritten: [],
          preservedInputs: 0,
        },
    ),
    refresh: jest.fn(
      async (sheetName: string, o: { applyDataChanges: boolean; year?: number; overwriteTyped?: boolean }) =>
        result({ sheetName, year: o.year ?? 2023 }),
    ),
    insertFormula: jest.fn(async (_formula: string, _opts?: { overwrite?: boolean }) => undefined),
    sourceOfSelection: jest.fn(async (): Promise<RowSource | null> => opts.source ?? null),
    previewFreeze: jest.fn(
      async (_scope: FreezeScope): Promise<FreezePreview> => opts.freeze ?? { cells: [], errors: [] },
    ),
    writeReportSheet: jest.fn(async () => ({ sheetName: "上报_益阳十四五科技发展规划", rows: 11 })),
    drawTrendChart: jest.fn(async () => ({
      sheetName: "进度_益阳十四五科技发展规划",
      indicator: "高新技术企业",
    })),
    freeze: jest.fn(async (cells: FreezeCell[]): Promise<FreezeResult> => ({
      spillsRefused: [],
      spillRanges: [],
      converted: cells,
      changed: [],
      notes: true,
    })),
  };
  sheetListeners.set(service, listeners);
  return service;
}
