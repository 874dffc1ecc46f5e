// Turning failures into Chinese messages for the user.
import { HostError } from "../services/service";

/** A HostError's message as is; anything else is unexpected and says so. */
export function messageOf(e: unknown): string {
  if (e instanceof HostError || (e instanceof Error && e.name === "HostError")) return e.message;
  const detail = e instanceof Error ? e.message : String(e);
  return `发生意外错误,工作簿未作更改。详情:${detail}`;
}

/** insertFormula refused because the selected cell is not empty (the user may confirm an overwrite). */
export function isCellNotEmpty(e: unknown): boolean {
  return e instanceof Error && e.name === "HostError" && (e as { code?: unknown }).code === "cellNotEmpty";
}
