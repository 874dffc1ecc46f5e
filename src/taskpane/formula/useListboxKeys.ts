// Keyboard for a search box and its listbox: ↑↓ move the active option, Home/End in the list, Enter acts.
import type { KeyboardEvent } from "react";

export function useListboxKeys(opts: {
  count: number;
  active: number;
  setActive(i: number): void;
  optionId(i: number): string;
  onEnter(): void;
}) {
  const { count, active, setActive, optionId, onEnter } = opts;
  return (e: KeyboardEvent) => {
    if (count === 0) return;
    const move = (i: number) => {
      e.preventDefault();
      const next = Math.max(0, Math.min(count - 1, i));
      setActive(next);
      document.getElementById(optionId(next))?.scrollIntoView?.({ block: "nearest" });
    };
    const inList = e.currentTarget.getAttribute("role") === "listbox";
    if (e.key === "ArrowDown") move(active + 1);
    else if (e.key === "ArrowUp") move(active - 1);
    else if (e.key === "Home" && inList) move(0);
    else if (e.key === "End" && inList) move(count - 1);
    else if (e.key === "Enter") {
      e.preventDefault();
      onEnter();
    }
  };
}
