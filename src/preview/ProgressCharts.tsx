// The charts of the active sheet (the specs the add-in writes as native Excel charts, src/core/charts.ts), drawn
// with Recharts from the sheet's computed values: the same ranges, the same series, the same categories.
import { makeStyles, tokens } from "@fluentui/react-components";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ChartSpec } from "../core/charts";
import type { PreviewSheet } from "../shared/memory-workbook";
import { parseRange } from "../shared/workbook";

const useStyles = makeStyles({
  panel: {
    flexShrink: 0,
    maxHeight: "380px",
    overflowY: "auto",
    padding: "4px 12px",
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  title: { fontWeight: 600, fontSize: "13px", margin: "2px 0" },
});

/** The layout's colours for the two columns' data bars: grey 序时进度, blue 完成进度. */
const SERIES_COLORS = ["#A6A6A6", "#5B9BD5"];

type Row = Record<string, string | number | null>;

/** The chart's data as Excel reads it: the header row names the series, each data row is one category. */
export function chartData(sheet: PreviewSheet, spec: ChartSpec): { series: string[]; rows: Row[] } {
  const src = parseRange(spec.source);
  const cat = parseRange(spec.categories);
  const cell = (r: number, c: number) => sheet.rows[r]?.[c]?.value ?? null;
  const series = [];
  for (let c = src.c1; c <= src.c2; c++) series.push(String(cell(src.r1, c) ?? ""));
  const rows: Row[] = [];
  for (let r = src.r1 + 1; r <= src.r2; r++) {
    const row: Row = { category: String(cell(cat.r1 + r - src.r1 - 1, cat.c1) ?? "") };
    series.forEach((name, i) => {
      const v = cell(r, src.c1 + i);
      row[name] = typeof v === "number" ? v : null;
    });
    rows.push(row);
  }
  return { series, rows };
}

const pct = (v: unknown) => (typeof v === "number" ? `${(v * 100).toFixed(1)}%` : "");

export function ProgressCharts({ sheet }: { sheet: PreviewSheet }) {
  const s = useStyles();
  if (sheet.charts.length === 0) return null;
  return (
    <>
      {sheet.charts.map((spec) => {
        const { series, rows } = chartData(sheet, spec);
        return (
          <figure key={spec.name} className={s.panel} aria-label={spec.title} data-chart={spec.name}>
            <figcaption className={s.title}>{spec.title}</figcaption>
            <ResponsiveContainer width="100%" height={rows.length * 22 + 70}>
              <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 24 }} barGap={1}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" tickFormatter={pct} domain={[0, (max: number) => Math.max(1, max)]} />
                <YAxis type="category" dataKey="category" width={270} interval={0} tick={{ fontSize: 11 }} />
                <Tooltip formatter={pct} />
                <Legend verticalAlign="top" height={24} />
                {series.map((name, i) => (
                  <Bar
                    key={name}
                    dataKey={name}
                    fill={SERIES_COLORS[i % SERIES_COLORS.length]}
                    isAnimationActive={false}
                  />
                ))}
              </BarChart>
            </ResponsiveContainer>
          </figure>
        );
      })}
    </>
  );
}
