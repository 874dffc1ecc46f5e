// The 公式 tab's results: how many were found, then the listbox of hits (↑↓ in the search box moves in it).
import { makeStyles, Text, tokens } from "@fluentui/react-components";
import type { KeyboardEvent } from "react";
import type { CatalogTarget } from "../../core/catalog/catalog";
import { SearchHitOption } from "./SearchHitOption";
import { SEARCH_LIMIT, type useIndicatorSearch } from "./useIndicatorSearch";

const useStyles = makeStyles({
  list: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
});

interface Props {
  search: ReturnType<typeof useIndicatorSearch>;
  id: string;
  optionId: (i: number) => string;
  onKeyDown: (e: KeyboardEvent) => void;
  onInsert: (t: CatalogTarget) => void;
}

export function HitList({ search, id, optionId, onKeyDown, onInsert }: Props) {
  const s = useStyles();
  const { hits, current } = search;
  return (
    <>
      {search.note && <Text size={200}>{search.note}</Text>}
      {search.searching && (
        <Text size={200} aria-live="polite">
          {hits.length === 0
            ? "没有匹配的指标。"
            : `找到 ${hits.length}${hits.length === SEARCH_LIMIT ? "+" : ""} 个目标`}
        </Text>
      )}
      <div
        id={id}
        role="listbox"
        aria-label="搜索结果"
        tabIndex={hits.length > 0 ? 0 : -1}
        className={s.list}
        aria-activedescendant={current ? optionId(search.activeIndex) : undefined}
        onKeyDown={onKeyDown}
      >
        {hits.map((h, i) => (
          <SearchHitOption
            key={h.target.id}
            id={optionId(i)}
            target={h.target}
            active={h.target === current}
            onSelect={() => search.setActive(i)}
            onInsert={() => onInsert(h.target)}
          />
        ))}
      </div>
    </>
  );
}
