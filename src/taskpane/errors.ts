// Turning failures into Chinese messages for the user.
import { HostError } from "../shared/service";

/** A HostError's message as is; anything else is unexpected and says so. */
export function messageOf(e: unknown): string {
  if (e instanceof HostError || (e instanceof Error && e.name === "HostError")) return e.message;
  const detail = e instanceof Error ? e.message : String(e);
  return `发生意外错误,工作簿未作更改。详情:${detail}`;
}

/**
 * insertFormula refused because the selected cell is not empty (the user may confirm an overwrite).
 * Recognised by an error code if the service sets one, else by its message.
 */
export function isCellNotEmpty(e: unknown): boolean {
  if (!(e instanceof Error) || e.name !== "HostError") return false;
  const code = (e as { code?: unknown }).code;
  return code === "cellNotEmpty" || (code === undefined && e.message.includes("不为空"));
}
