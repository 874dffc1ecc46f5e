// State and actions of the 填表 tab: read the labels, fix rows, write the columns (confirming overwrites).
import { useState } from "react";
import type { FillService } from "../../services/fill-service";
import { defaultFirstCol, optionsProblem, type FillColumn, type FillRow } from "../../sheet/fill-table";
import { colLetter } from "../../core/sheet/layout";
import { colIndex, type TableRange } from "../../workbook/workbook";
import { isCellNotEmpty, messageOf } from "../errors";
import { useBusy } from "../useBusy";
import { readYear, YEAR_SPAN } from "../../core/method/years";

export interface FillForm {
  region: string;
  year: string;
  address: string;
  columns: FillColumn[];
  mode: "formulas" | "values";
  firstCol: string;
  actualCol: string;
  asOfYear: string;
}

const colOf = (letters: string): number | null =>
  /^[A-Z]{1,3}$/i.test(letters.trim()) ? colIndex(letters.trim().toUpperCase()) : null;

export function useFill(fill: FillService, initial: FillForm, onWorkbookChanged?: () => void) {
  const [form, setForm] = useState(initial);
  const [table, setTable] = useState<TableRange | null>(null);
  const [rows, setRows] = useState<FillRow[]>([]);
  const { busy, error, setError, run } = useBusy();
  const [done, setDone] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<string | null>(null);
  const year = form.year.trim() === "" ? null : readYear(form.year);

  const guard = (f: () => Promise<void>) => {
    setDone(null);
    return run(f);
  };

  const read = () =>
    guard(async () => {
      setConfirm(null);
      const r = await fill.read(form.region, year, form.address.trim() || undefined);
      setTable(r.table);
      setRows(r.rows);
      setForm((f) => ({ ...f, firstCol: colLetter(defaultFirstCol(r.table)) }));
    });

  const pick = (i: number, indicator: string) =>
    setRows((rs) => rs.map((r, j) => (j === i ? fill.pick(r, form.region, year, indicator) : r)));
  const skip = (i: number) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, kind: "skipped" } : r)));

  const options = () => ({
    columns: form.columns,
    mode: form.mode,
    firstCol: colOf(form.firstCol) ?? -1,
    actualCol: colOf(form.actualCol),
    asOfYear: readYear(form.asOfYear),
  });
  const problem = (): string | null => {
    if (form.year.trim() !== "" && year === null) return `目标年应为 ${YEAR_SPAN} 的年份,或留空取最新规划`;
    if (colOf(form.firstCol) === null) return "请填写写入起始列,如 D";
    return optionsProblem(options());
  };

  const write = (overwrite = false) =>
    guard(async () => {
      if (!table) return;
      setConfirm(null);
      try {
        const n = await fill.fill(table, rows, options(), overwrite);
        setDone(`已写入 ${n} 行`);
        onWorkbookChanged?.();
      } catch (e) {
        if (!overwrite && isCellNotEmpty(e)) setConfirm(messageOf(e));
        else throw e;
      }
    });

  return {
    form,
    setForm,
    table,
    rows,
    busy,
    error,
    done,
    confirm,
    read,
    pick,
    skip,
    write,
    problem,
    setError,
    setConfirm,
  };
}
