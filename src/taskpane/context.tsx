// What the pane's components share: the host service, the catalog store of the face, and an optional
// selection feed.
import { createContext, useContext, useSyncExternalStore, type ReactNode } from "react";
import type { Catalog } from "../core/catalog/catalog";
import type { CatalogStore } from "../core/catalog/store";
import type { ProgressService } from "../services/service";
import type { SheetsFeed } from "./sheetsFeed";

/** Subscribe to "the selection in the workbook changed"; returns the unsubscribe function. */
export type SelectionFeed = (listener: () => void) => () => void;

export interface PaneContextValue {
  service: ProgressService;
  /** The catalog the pane answers from: in Excel the store the custom functions share. */
  store: CatalogStore;
  onSelectionChange?: SelectionFeed;
  /** "The progress sheets may have changed": the host's sheet events and the pane's own writes. */
  sheets: SheetsFeed;
  /** Called after an operation changed the workbook (the preview re-renders its grid). */
  onWorkbookChanged?: () => void;
}

const PaneContext = createContext<PaneContextValue | null>(null);

export function PaneProvider({ value, children }: { value: PaneContextValue; children: ReactNode }) {
  return <PaneContext.Provider value={value}>{children}</PaneContext.Provider>;
}

export function usePane(): PaneContextValue {
  const v = useContext(PaneContext);
  if (!v) throw new Error("usePane outside PaneProvider");
  return v;
}

/** The store's catalog; the component renders again when an import installs another. */
export function useCatalog(): Catalog {
  const { store } = usePane();
  return useSyncExternalStore(store.subscribe, store.current);
}
