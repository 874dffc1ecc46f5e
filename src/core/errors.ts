// The one error type of the core. The runner turns it into an Excel error value with its message.
export type ErrorCode = "#N/A" | "#VALUE!";

export class PlanError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly suggestions: string[] = [],
  ) {
    // A refusal is an answer, not a bug: its stack is never shown, and capturing one costs more than the
    // lookup that failed (cold_lookup_us).
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
    this.name = "PlanError";
  }
}

export const notFound = (message: string, suggestions: string[] = []) =>
  new PlanError("#N/A", message, suggestions);
export const badValue = (message: string, suggestions: string[] = []) =>
  new PlanError("#VALUE!", message, suggestions);
