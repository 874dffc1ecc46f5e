// Which function the 公式 tab inserts for the chosen target: 目标值, 基期值, or 完成进度/状态 with the cell
// that holds the actual and the assessment year.
import { Field, Input, makeStyles, Select, tokens } from "@fluentui/react-components";
import { INSERTABLE, type InsertChoice, type InsertableId } from "./insertable";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1 },
});

export function InsertOptions({
  choice,
  onChange,
}: {
  choice: InsertChoice;
  onChange(c: InsertChoice): void;
}) {
  const s = useStyles();
  const needsActual = INSERTABLE.find((x) => x.id === choice.fn)?.needsActual ?? false;
  return (
    <>
      <Field label="插入函数">
        <Select value={choice.fn} onChange={(_, d) => onChange({ ...choice, fn: d.value as InsertableId })}>
          {INSERTABLE.map((x) => (
            <option key={x.id} value={x.id}>
              {x.label}
            </option>
          ))}
        </Select>
      </Field>
      {needsActual && (
        <div className={s.row}>
          <Field label="实际值单元格" className={s.grow} hint="如 J5">
            <Input value={choice.actual} onChange={(_, d) => onChange({ ...choice, actual: d.value })} />
          </Field>
          <Field label="评估年份" className={s.grow}>
            <Input value={choice.asOfYear} onChange={(_, d) => onChange({ ...choice, asOfYear: d.value })} />
          </Field>
        </div>
      )}
    </>
  );
}
