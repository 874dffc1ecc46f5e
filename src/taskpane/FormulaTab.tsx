// Tab 公式: search indicators across all plans as you type (简/繁, aliases) and insert =PLAN.TARGET(...).
import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  SearchBox,
  Text,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { useId, useMemo, useState } from "react";
import { formulaFor } from "../core/functions";
import { searchTargets } from "../core/search";
import { usePane } from "./context";
import { ErrorBar } from "./ErrorBar";
import { SearchHitOption } from "./SearchHitOption";
import { useFormulaInsert } from "./useFormulaInsert";
import { useListboxKeys } from "./useListboxKeys";

const LIMIT = 30;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  insert: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  formula: { fontFamily: tokens.fontFamilyMonospace },
  list: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
});

export function FormulaTab() {
  const s = useStyles();
  const { catalog } = usePane();
  const listId = useId();
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const { busy, error, done, confirm, insert, dismissError, cancelConfirm, clearDone } = useFormulaInsert();

  const hits = useMemo(
    () => (query.trim() ? searchTargets(catalog, query, null, LIMIT) : []),
    [catalog, query],
  );
  const current = hits[Math.min(active, hits.length - 1)]?.target ?? null;
  const formula = current ? formulaFor(current) : "";
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
      <Field label="搜索指标" hint="支持简体、繁体和简称,如“高企”“研發”。↑↓ 选择,Enter 插入。">
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
      {current && (
        <div className={s.insert}>
          <Field label="公式">
            <Textarea readOnly resize="none" rows={2} value={formula} textarea={{ className: s.formula }} />
          </Field>
          <Button appearance="primary" disabled={busy} onClick={() => void insert(formula)}>
            插入到所选单元格
          </Button>
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
      {query.trim() && (
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
            onInsert={() => void insert(formulaFor(h.target))}
          />
        ))}
      </div>
    </div>
  );
}
