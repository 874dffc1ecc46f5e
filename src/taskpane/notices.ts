// Warnings the workbook gives after a write that succeeded (Excel calculates manually; a print setting it did
// not apply): kept until the user closes them, each once, for the pane to show.
export class Notices {
  private list: string[] = [];
  private listeners = new Set<() => void>();

  /** Add a warning (OfficeWorkbookOptions.onWarning); one already shown is not repeated. */
  push = (message: string): void => {
    if (this.list.includes(message)) return;
    this.set([...this.list, message]);
  };

  dismiss = (message: string): void => this.set(this.list.filter((m) => m !== message));

  current = (): readonly string[] => this.list;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  private set(list: string[]) {
    this.list = list;
    for (const l of this.listeners) l();
  }
}
