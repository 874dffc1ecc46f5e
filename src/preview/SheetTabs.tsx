// Sheet tabs under the grid, as in Excel.
import { Tab, TabList } from "@fluentui/react-components";

export function SheetTabs({
  names,
  active,
  onSelect,
}: {
  names: string[];
  active: string | null;
  onSelect(name: string): void;
}) {
  return (
    <TabList
      size="small"
      selectedValue={active ?? undefined}
      onTabSelect={(_, d) => onSelect(String(d.value))}
      aria-label="工作表"
    >
      {names.map((n) => (
        <Tab key={n} value={n}>
          {n}
        </Tab>
      ))}
    </TabList>
  );
}
