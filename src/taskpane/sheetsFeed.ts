// "The progress sheets may have changed": one feed for the pane, fed by the host's sheet events and by the pane's
// own writes, so a host without sheet events still sees them (useProgressSheets listens).
import type { ProgressService } from "../services/service";

/** "The progress sheets may have changed": the host's sheet events, and the pane's own writes via `tell`. */
export interface SheetsFeed {
  subscribe(listener: () => void): () => void;
  tell(): void;
}

export function createSheetsFeed(service: ProgressService): SheetsFeed {
  const listeners = new Set<() => void>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      const off = service.onSheetsChanged(listener);
      return () => {
        listeners.delete(listener);
        off();
      };
    },
    tell: () => listeners.forEach((l) => l()),
  };
}
