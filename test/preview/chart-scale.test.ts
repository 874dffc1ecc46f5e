// The 完成进度 chart's percent axis: round ticks that cover every bar, from 0 (or below) to at least 100 %.
import { percentLabel, percentTicks } from "../../src/preview/chartScale";

const ROUND_STEPS = [0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10, 20, 50, 100];

describe("percentTicks", () => {
  it.each([[[0.6, 0.549]], [[1.083, 0.6]], [[2.404, 0.6, 0.417]], [[0.6, -0.35]], [[13.7]], [[480]], [[]]])(
    "%j: evenly spaced by a round step, covering the values and 0–100 %%",
    (values) => {
      const ticks = percentTicks(values);
      const step = ticks[1] - ticks[0];
      expect(ROUND_STEPS.some((s) => Math.abs(s - step) < 1e-9)).toBe(true);
      ticks.forEach((t, i) => expect(t).toBeCloseTo(ticks[0] + i * step, 9));
      expect(ticks.length).toBeLessThanOrEqual(7);
      expect(ticks[0]).toBeLessThanOrEqual(Math.min(0, ...values));
      expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(Math.max(1, ...values));
      // No tick beyond the one that covers the largest value.
      expect(ticks[ticks.length - 2]).toBeLessThan(Math.max(1, ...values));
    },
  );

  it("1.083 (the bar that made the axis end at 108.3 %) ends the axis at 125 %", () => {
    expect(percentTicks([1.083]).map(percentLabel)).toEqual(["0%", "25%", "50%", "75%", "100%", "125%"]);
  });

  it("ignores a non-finite value", () => {
    expect(percentTicks([0.5, Number.NaN])).toEqual(percentTicks([0.5]));
  });
});
