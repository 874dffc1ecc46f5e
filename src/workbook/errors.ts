// The one error type of the workbook, sheet and service floors: a refusal the pane shows as it is.
import { hostMessage, type HostReason } from "./messages";

export type { HostReason } from "./messages";

type Ask = "cellNotEmpty" | "yearDiffers" | "typedCells";
/** The reasons the pane reacts to, beyond showing them: the kind of question it asks. */
const ASK: Partial<Record<HostReason["reason"], Ask>> = {
  cellNotEmpty: "cellNotEmpty",
  cellsNotEmpty: "cellNotEmpty",
  cellsDiffer: "cellNotEmpty",
  yearDiffers: "yearDiffers",
  typedCells: "typedCells",
};

export class HostError extends Error {
  /**
   * Set where the pane reacts to the kind of refusal: offer to overwrite a non-empty cell; ask which 评估年份
   * to use when the plan's sheet has another one; confirm replacing values typed over cells of ours.
   */
  readonly code?: Ask;

  constructor(
    /** Why, with its arguments; the message is the catalog's text for it (src/workbook/messages.ts). */
    readonly reason: HostReason,
  ) {
    super(hostMessage(reason));
    this.name = "HostError";
    this.code = ASK[reason.reason];
  }
}
