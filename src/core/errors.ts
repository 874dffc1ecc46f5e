// The one error type of the core. The runner turns it into an Excel error value with its message.
import { coreMessage, type CoreReason } from "./messages";

export type { CoreReason } from "./messages";
export type ErrorCode = "#N/A" | "#VALUE!";

export class PlanError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** Why, with its arguments; the message is the catalog's text for it (src/core/messages.ts). */
    readonly reason: CoreReason,
    readonly suggestions: string[] = [],
  ) {
    // A refusal is an answer, not a bug: its stack is never shown, and capturing one costs more than the
    // lookup that failed (cold_lookup_us).
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(coreMessage(reason));
    Error.stackTraceLimit = limit;
    this.name = "PlanError";
  }
}

export const notFound = (reason: CoreReason, suggestions: string[] = []) =>
  new PlanError("#N/A", reason, suggestions);
export const badValue = (reason: CoreReason, suggestions: string[] = []) =>
  new PlanError("#VALUE!", reason, suggestions);
