// The shared runtime's catalog: Excel loads functions.js and the task pane into one page (webpack.config.js:
// the taskpane entry dependOn functions, so both use this one module). PLAN.* cells and the pane answer from
// this store; the plans the pane imports (its pack service installs them here) reach the cells, and the
// runner drops its memo when they do. The preview and the command line make their own stores.
import { createCatalogStore } from "../core/catalog/store";
import { Runner } from "../core/functions/runner";

export const sharedStore = createCatalogStore();
// Set by the first PLAN.* call of the session: the pane's start-up asks, as answers given before it imported
// the workbook's packs lacked them.
let answered = false;
export const sharedRunner = new Runner({
  current: () => {
    answered = true;
    return sharedStore.current();
  },
});
/** Whether any PLAN.* call has been answered in this session. */
export const answeredYet = () => answered;
