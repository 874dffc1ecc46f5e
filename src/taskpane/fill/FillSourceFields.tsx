// 填表: where the row labels are and which plan resolves them (地区, 目标年, 行标题区域).
import { Field, Input, makeStyles, Select, tokens } from "@fluentui/react-components";
import type { Region } from "../../core/catalog/schema";
import type { FillForm } from "./useFill";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1, flexBasis: 0 },
  input: { minWidth: 0, width: "100%" },
});

export interface FillFormProps {
  form: FillForm;
  set(patch: Partial<FillForm>): void;
}

export function FillSourceFields({ form, set, regions }: FillFormProps & { regions: Region[] }) {
  const s = useStyles();
  return (
    <>
      <div className={s.row}>
        <Field label="地区" className={s.grow}>
          <Select value={form.region} onChange={(_, d) => set({ region: d.value })}>
            {regions.map((r) => (
              <option key={r.id} value={r.name}>
                {r.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="目标年" className={s.grow} hint="留空取最新规划">
          <Input className={s.input} value={form.year} onChange={(_, d) => set({ year: d.value })} />
        </Field>
      </div>
      <Field label="行标题区域" hint="留空则使用所选区域;也可填写如 B3:B20">
        <Input className={s.input} value={form.address} onChange={(_, d) => set({ address: d.value })} />
      </Field>
    </>
  );
}
