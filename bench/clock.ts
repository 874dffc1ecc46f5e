// The benches' clock and middle value: one definition for every bench file.
/** Milliseconds, high resolution. */
export const now = () => Number(process.hrtime.bigint()) / 1e6;
/** The middle value (the upper one of an even count). */
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
