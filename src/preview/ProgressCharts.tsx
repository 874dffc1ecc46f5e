// The charts of the active sheet (the specs the add-in writes as native Excel charts, src/core/sheet/charts.ts), drawn
// with Recharts from the sheet's computed values: the same ranges, the same series, the same categories.
import { makeStyles, Text, tokens } from "@fluentui/react-components";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { ChartSpec } from "../core/sheet/charts";
import { PALETTE } from "../core/sheet/layout";
import type { PreviewSheet } from "../workbook/memory-workbook";
import { parseRange } from "../workbook/workbook";
import { percentLabel, percentTicks } from "./chartScale";

const useStyles = makeStyles({
  charts: {
    display: "flex",
    flexShrink: 0,
    // At most a third of the window, so the sheet above keeps room (at 1280×720 the chart once hid the table).
    maxHeight: "min(380px, 34vh)",
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  panel: { flex: "1 1 0", minWidth: 0, overflowY: "auto", padding: "4px 12px", margin: 0 },
  title: { fontWeight: 600, fontSize: "13px", margin: "2px 0" },
  empty: { margin: "8px 0", color: tokens.colorNeutralForeground3 },
});

/** The layout's colours for the two columns' data bars: grey 序时进度, blue 完成进度. */
const SERIES_COLORS = ["#A6A6A6", "#5B9BD5"];

type Row = Record<string, string | number | null>;

/** A line chart's data as Excel reads it: one series per source row named by its first cell, one category per column. */
export function lineData(sheet: PreviewSheet, spec: ChartSpec): { series: string[]; rows: Row[] } {
  const src = parseRange(spec.source);
  const cat = parseRange(spec.categories);
  const cell = (r: number, c: number) => sheet.rows[r]?.[c]?.value ?? null;
  const series: string[] = [];
  for (let r = src.r1; r <= src.r2; r++) series.push(String(cell(r, src.c1) ?? ""));
  const rows: Row[] = [];
  for (let c = cat.c1; c <= cat.c2; c++) {
    const row: Row = { category: String(cell(cat.r1, c) ?? "") };
    series.forEach((name, i) => {
      const v = cell(src.r1 + i, src.c1 + 1 + c - cat.c1);
      row[name] = typeof v === "number" ? v : null; // #N/A: a gap, as in Excel
    });
    rows.push(row);
  }
  return { series, rows };
}

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
/** 实际值 solid blue, 预期值 dashed grey (the expected path). */
const LINE_STYLE = [
  { stroke: `#${PALETTE.brand}`, dash: undefined },
  { stroke: "#A6A6A6", dash: "6 4" },
];

function TrendLines({ sheet, spec }: { sheet: PreviewSheet; spec: ChartSpec }) {
  const { series, rows } = lineData(sheet, spec);
  return (
    <ResponsiveContainer width="100%" height={260}>
      <LineChart data={rows} margin={{ left: 8, right: 24, top: 8 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="category" />
        <YAxis width={70} />
        <Tooltip />
        <Legend verticalAlign="top" height={24} />
        {series.map((name, i) => (
          <Line
            key={name}
            dataKey={name}
            stroke={LINE_STYLE[i % LINE_STYLE.length].stroke}
            strokeDasharray={LINE_STYLE[i % LINE_STYLE.length].dash}
            strokeWidth={2}
            dot={{ r: 3 }}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}

/** The bar chart of 完成进度 against 序时进度, or a message where no row has both (nothing can be assessed yet). */
function ProgressBars({ sheet, spec }: { sheet: PreviewSheet; spec: ChartSpec }) {
  const s = useStyles();
  const { series, rows } = chartData(sheet, spec);
  const assessed = rows.filter((r) => series.every((name) => typeof r[name] === "number"));
  if (assessed.length === 0)
    return (
      <Text as="p" className={s.empty} role="status">
        暂无可评估的指标:填入实际值(缺少基期值的也需填入)后,这里对比各指标的完成进度与序时进度。
      </Text>
    );
  const values = rows
    .flatMap((r) => series.map((name) => r[name]))
    .filter((v): v is number => typeof v === "number");
  const ticks = percentTicks(values);
  return (
    <ResponsiveContainer width="100%" height={rows.length * 22 + 70}>
      <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 24 }} barGap={1}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        {/* The scale on top, under the legend: with many rows the panel scrolls and the scale stays in view. */}
        <XAxis
          type="number"
          orientation="top"
          ticks={ticks}
          tickFormatter={percentLabel}
          domain={[ticks[0], ticks[ticks.length - 1]]}
          interval={0}
        />
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
  );
}

export function ProgressCharts({ sheet }: { sheet: PreviewSheet }) {
  const s = useStyles();
  if (sheet.charts.length === 0) return null;
  return (
    <div className={s.charts} role="region" aria-label="图表">
      {sheet.charts.map((spec) => (
        <figure key={spec.name} className={s.panel} aria-label={spec.title} data-chart={spec.name}>
          <figcaption className={s.title}>{spec.title}</figcaption>
          {spec.kind === "line" ? (
            <TrendLines sheet={sheet} spec={spec} />
          ) : (
            <ProgressBars sheet={sheet} spec={spec} />
          )}
        </figure>
      ))}
    </div>
  );
}
