// 填表: what is written beside the table (写入的列, 写入方式) and where (起始列, 实际值列, 评估年份).
import {
  Checkbox,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Text,
  tokens,
} from "@fluentui/react-components";
import { FILL_COLUMNS } from "../../sheet/fill-table";
import type { FillForm } from "./useFill";
import type { FillFormProps } from "./FillSourceFields";

const useStyles = makeStyles({
  columns: { display: "flex", flexWrap: "wrap" },
  // The column fields one per row, labels above: side by side they needed 574 px in the 320 px pane.
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  input: { minWidth: 0, width: "100%" },
});

export function FillWriteOptions({ form, set }: FillFormProps) {
  const s = useStyles();
  const text = (key: "firstCol" | "actualCol" | "asOfYear") => ({
    className: s.input,
    value: form[key],
    onChange: (_: unknown, d: { value: string }) => set({ [key]: d.value }),
  });
  return (
    <>
      {/* Not a Field: inside one every checkbox would take the field's label as its name. */}
      <Text weight="semibold">写入的列</Text>
      <div className={s.columns} role="group" aria-label="写入的列">
        {FILL_COLUMNS.map((c) => (
          <Checkbox
            key={c.key}
            label={c.title}
            checked={form.columns.includes(c.key)}
            onChange={(_, d) =>
              set({
                columns: FILL_COLUMNS.map((x) => x.key).filter((k) =>
                  k === c.key ? d.checked === true : form.columns.includes(k),
                ),
              })
            }
          />
        ))}
      </div>
      <Field label="写入方式">
        <RadioGroup value={form.mode} onChange={(_, d) => set({ mode: d.value as FillForm["mode"] })}>
          <Radio value="formulas" label="PLAN.* 公式(引用行标题单元格,随实际值重算)" />
          <Radio value="values" label="数值(现在计算,不随实际值更新)" />
        </RadioGroup>
      </Field>
      <div className={s.stack}>
        <Field label="写入起始列">
          <Input {...text("firstCol")} />
        </Field>
        <Field label="实际值列" hint="完成进度、状态用">
          <Input {...text("actualCol")} />
        </Field>
        <Field label="评估年份">
          <Input {...text("asOfYear")} />
        </Field>
      </div>
    </>
  );
}
