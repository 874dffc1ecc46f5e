// Tab 公式: search indicators across all plans as you type (简/繁, aliases, a region in the query or the
// filter) and insert =PLAN.TARGET(...), BASELINE, or PROGRESS/STATUS with the cell that holds the actual.
import { Field, makeStyles, SearchBox, Select, tokens } from "@fluentui/react-components";
import { useId, useState } from "react";
import { formulaOfChoice, type InsertChoice } from "./insertable";
import { FormulaPreview } from "./FormulaPreview";
import { InsertMessages } from "./InsertMessages";
import { InsertOptions } from "./InsertOptions";
import { HitList } from "./HitList";
import { useFormulaInsert } from "./useFormulaInsert";
import { useIndicatorSearch } from "./useIndicatorSearch";
import { useListboxKeys } from "./useListboxKeys";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  insert: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export function FormulaTab() {
  const s = useStyles();
  const listId = useId();
  const search = useIndicatorSearch();
  const { hits, current, activeIndex } = search;
  const [choice, setChoice] = useState<InsertChoice>({
    fn: "TARGET",
    actual: "",
    asOfYear: String(new Date().getFullYear() - 1),
  });
  const ins = useFormulaInsert();
  const built = current ? formulaOfChoice(current, choice) : null;
  const formula = built && "formula" in built ? built.formula : "";
  const optionId = (i: number) => `${listId}-opt-${i}`;
  const activeDescendant = current ? optionId(activeIndex) : undefined;
  const onKeyDown = useListboxKeys({
    count: hits.length,
    active: activeIndex,
    setActive: search.setActive,
    optionId,
    onEnter: () => void ins.insert(formula),
  });

  return (
    <div className={s.root}>
      <Field label="地区">
        <Select value={search.regionId} onChange={(_, d) => search.setRegionId(d.value)}>
          <option value="">全部地区</option>
          {search.regions.map((r) => (
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
          value={search.query}
          placeholder="输入指标名称"
          role="combobox"
          aria-expanded={hits.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeDescendant}
          onChange={(_, d) => {
            search.setQuery(d.value);
            ins.clearDone();
          }}
          onKeyDown={onKeyDown}
        />
      </Field>
      {current && built && (
        <div className={s.insert}>
          <InsertOptions choice={choice} onChange={setChoice} />
          <FormulaPreview
            target={current}
            built={built}
            busy={ins.busy}
            onInsert={(f) => void ins.insert(f)}
          />
        </div>
      )}
      <InsertMessages ins={ins} />
      <HitList
        search={search}
        id={listId}
        optionId={optionId}
        onKeyDown={onKeyDown}
        onInsert={(t) => {
          const f = formulaOfChoice(t, choice);
          if ("formula" in f) void ins.insert(f.formula);
        }}
      />
    </div>
  );
}
