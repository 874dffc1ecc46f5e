// Tab 公式: search indicators across all plans as you type (简/繁, aliases, a region in the query or the
// filter) and insert =PLAN.TARGET(...), BASELINE, or PROGRESS/STATUS with the cell that holds the actual.
import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  SearchBox,
  Select,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useId, useMemo, useState } from "react";
import { searchWithRegion } from "../../core/catalog/search";
import { useCatalog } from "../context";
import { ErrorBar } from "../ErrorBar";
import { formulaOfChoice, type InsertChoice } from "./insertable";
import { FormulaPreview } from "./FormulaPreview";
import { InsertOptions } from "./InsertOptions";
import { SearchHitOption } from "./SearchHitOption";
import { useFormulaInsert } from "./useFormulaInsert";
import { useListboxKeys } from "./useListboxKeys";

const LIMIT = 30;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  insert: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
});

export function FormulaTab() {
  const s = useStyles();
  const catalog = useCatalog();
  const listId = useId();
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const [regionId, setRegionId] = useState("");
  const [choice, setChoice] = useState<InsertChoice>({
    fn: "TARGET",
    actual: "",
    asOfYear: String(new Date().getFullYear() - 1),
  });
  const regions = useMemo(
    () => catalog.regions.filter((r) => r.parent === null && catalog.targetsByRegion.has(r.id)),
    [catalog],
  );
  const { busy, error, done, confirm, insert, dismissError, cancelConfirm, clearDone } = useFormulaInsert();

  const found = useMemo(
    () =>
      query.trim() || regionId
        ? searchWithRegion(catalog, query, regionId || null, LIMIT)
        : { hits: [], region: null, note: null },
    [catalog, query, regionId],
  );
  const hits = found.hits;
  const current = hits[Math.min(active, hits.length - 1)]?.target ?? null;
  const built = current ? formulaOfChoice(current, choice) : null;
  const formula = built && "formula" in built ? built.formula : "";
  const optionId = (i: number) => `${listId}-opt-${i}`;

  const onKeyDown = useListboxKeys({
    count: hits.length,
    active,
    setActive,
    optionId,
    onEnter: () => void insert(formula),
  });

  return (
    <div className={s.root}>
      <Field label="地区">
        <Select
          value={regionId}
          onChange={(_, d) => {
            setRegionId(d.value);
            setActive(0);
          }}
        >
          <option value="">全部地区</option>
          {regions.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label="搜索指标"
        hint="支持简体、繁体、简称和地区,如“高企”“研發”“益阳 高企”。↑↓ 选择,Enter 插入。"
      >
        <SearchBox
          value={query}
          placeholder="输入指标名称"
          role="combobox"
          aria-expanded={hits.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={current ? optionId(hits.findIndex((h) => h.target === current)) : undefined}
          onChange={(_, d) => {
            setQuery(d.value);
            setActive(0);
            clearDone();
          }}
          onKeyDown={onKeyDown}
        />
      </Field>
      {current && built && (
        <div className={s.insert}>
          <InsertOptions choice={choice} onChange={setChoice} />
          <FormulaPreview target={current} built={built} busy={busy} onInsert={(f) => void insert(f)} />
        </div>
      )}
      {error && <ErrorBar message={error} onDismiss={dismissError} />}
      {confirm && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{confirm.message}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="primary" onClick={() => void insert(confirm.formula, true)}>
              覆盖
            </Button>
            <Button size="small" onClick={cancelConfirm}>
              取消
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {done && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>已插入 {done}</MessageBarBody>
        </MessageBar>
      )}
      {found.note && <Text size={200}>{found.note}</Text>}
      {(query.trim() || regionId) && (
        <Text size={200} aria-live="polite">
          {hits.length === 0
            ? "没有匹配的指标。"
            : `找到 ${hits.length}${hits.length === LIMIT ? "+" : ""} 个目标`}
        </Text>
      )}
      <div
        id={listId}
        role="listbox"
        aria-label="搜索结果"
        tabIndex={hits.length > 0 ? 0 : -1}
        className={s.list}
        aria-activedescendant={current ? optionId(hits.findIndex((h) => h.target === current)) : undefined}
        onKeyDown={onKeyDown}
      >
        {hits.map((h, i) => (
          <SearchHitOption
            key={h.target.id}
            id={optionId(i)}
            target={h.target}
            active={h.target === current}
            onSelect={() => setActive(i)}
            onInsert={() => {
              const f = formulaOfChoice(h.target, choice);
              if ("formula" in f) void insert(f.formula);
            }}
          />
        ))}
      </div>
    </div>
  );
}
