// The one error type of the core. The runner turns it into an Excel error value with its message.
export type ErrorCode = "#N/A" | "#VALUE!";

export class PlanError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly suggestions: string[] = [],
  ) {
    super(message);
    this.name = "PlanError";
  }
}

export const notFound = (message: string, suggestions: string[] = []) =>
  new PlanError("#N/A", message, suggestions);
export const badValue = (message: string, suggestions: string[] = []) =>
  new PlanError("#VALUE!", message, suggestions);
