// The percent axis of the 完成进度 chart: round ticks (0%, 25%, 50% … or 0%, 50%, 100% …) that cover the data,
// never an end tick such as 108.3% taken from the largest bar.

/** Steps a tick may take, as fractions (0.25 = 25 %); beyond the list, powers of ten times 1, 2 and 5. */
const STEPS = [0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5];
const MAX_INTERVALS = 5;

function stepFor(span: number): number {
  const fit = STEPS.find((s) => span / s <= MAX_INTERVALS);
  if (fit !== undefined) return fit;
  for (let magnitude = 10; ; magnitude *= 10)
    for (const m of [1, 2, 5]) if (span / (m * magnitude) <= MAX_INTERVALS) return m * magnitude;
}

/** Ticks from 0 (or below, for a negative value) to at least 100 % and at least the largest value. */
export function percentTicks(values: number[]): number[] {
  const finite = values.filter(Number.isFinite);
  const lo = Math.min(0, ...finite);
  const hi = Math.max(1, ...finite);
  const step = stepFor(hi - lo);
  const first = Math.floor(lo / step + 1e-9);
  const last = Math.ceil(hi / step - 1e-9);
  const ticks: number[] = [];
  for (let i = first; i <= last; i++) ticks.push(Number((i * step).toFixed(6)));
  return ticks;
}

/** A tick's label: 25%, 12.5%, -50% (no trailing zeros). */
export const percentLabel = (v: number) => `${Number((v * 100).toFixed(4))}%`;
