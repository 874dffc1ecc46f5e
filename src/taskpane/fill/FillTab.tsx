// Tab 填表 (填充我的表格): the user selects the row labels of their own report table; each is resolved as
// PLAN.TARGET resolves it; the chosen columns are written beside the table, never over a non-empty cell
// without confirmation.
import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useMemo } from "react";
import type { FillService } from "../../services/fill-service";
import { FILL_COLUMNS } from "../../sheet/fill-table";
import { useCatalog, usePane } from "../context";
import { ErrorBar } from "../ErrorBar";
import { FillRowList } from "./FillRowList";
import { useFill } from "./useFill";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1, flexBasis: 0 },
  columns: { display: "flex", flexWrap: "wrap" },
  // The column fields one per row, labels above: side by side they needed 574 px in the 320 px pane.
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  input: { minWidth: 0, width: "100%" },
});

export function FillTab({ fill }: { fill: FillService }) {
  const s = useStyles();
  const { onWorkbookChanged } = usePane();
  const catalog = useCatalog();
  const regions = useMemo(
    () => catalog.regions.filter((r) => r.parent === null && catalog.targetsByRegion.has(r.id)),
    [catalog],
  );
  const f = useFill(
    fill,
    {
      region: regions[0]?.name ?? "",
      year: "",
      address: "",
      columns: ["target", "baseline"],
      mode: "formulas",
      firstCol: "",
      actualCol: "",
      asOfYear: String(new Date().getFullYear() - 1),
    },
    onWorkbookChanged,
  );
  const set = (patch: Partial<typeof f.form>) => f.setForm({ ...f.form, ...patch });
  const found = f.rows.filter((r) => r.kind === "found").length;
  const problem = f.table ? f.problem() : null;

  return (
    <div className={s.root}>
      <Text size={200}>
        在自己的报表中选中行标题(指标名称)所在的单元格,按规划逐行找到目标,并在表格旁写入所选各列。
      </Text>
      <div className={s.row}>
        <Field label="地区" className={s.grow}>
          <Select value={f.form.region} onChange={(_, d) => set({ region: d.value })}>
            {regions.map((r) => (
              <option key={r.id} value={r.name}>
                {r.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="目标年" className={s.grow} hint="留空取最新规划">
          <Input className={s.input} value={f.form.year} onChange={(_, d) => set({ year: d.value })} />
        </Field>
      </div>
      <Field label="行标题区域" hint="留空则使用所选区域;也可填写如 B3:B20">
        <Input className={s.input} value={f.form.address} onChange={(_, d) => set({ address: d.value })} />
      </Field>
      <Button appearance="primary" disabled={f.busy} onClick={() => void f.read()}>
        读取行标题
      </Button>
      {f.table && (
        <>
          <Text size={200} aria-live="polite">
            {f.rows.length} 行:找到 {found} 个目标,{f.rows.filter((r) => r.kind === "error").length} 行需处理
          </Text>
          <FillRowList rows={f.rows} onPick={f.pick} onSkip={f.skip} />
          {/* Not a Field: inside one every checkbox would take the field's label as its name. */}
          <Text weight="semibold">写入的列</Text>
          <div className={s.columns} role="group" aria-label="写入的列">
            {FILL_COLUMNS.map((c) => (
              <Checkbox
                key={c.key}
                label={c.title}
                checked={f.form.columns.includes(c.key)}
                onChange={(_, d) =>
                  set({
                    columns: FILL_COLUMNS.map((x) => x.key).filter((k) =>
                      k === c.key ? d.checked === true : f.form.columns.includes(k),
                    ),
                  })
                }
              />
            ))}
          </div>
          <Field label="写入方式">
            <RadioGroup
              value={f.form.mode}
              onChange={(_, d) => set({ mode: d.value as "formulas" | "values" })}
            >
              <Radio value="formulas" label="PLAN.* 公式(引用行标题单元格,随实际值重算)" />
              <Radio value="values" label="数值(现在计算,不随实际值更新)" />
            </RadioGroup>
          </Field>
          <div className={s.stack}>
            <Field label="写入起始列">
              <Input
                className={s.input}
                value={f.form.firstCol}
                onChange={(_, d) => set({ firstCol: d.value })}
              />
            </Field>
            <Field label="实际值列" hint="完成进度、状态用">
              <Input
                className={s.input}
                value={f.form.actualCol}
                onChange={(_, d) => set({ actualCol: d.value })}
              />
            </Field>
            <Field label="评估年份">
              <Input
                className={s.input}
                value={f.form.asOfYear}
                onChange={(_, d) => set({ asOfYear: d.value })}
              />
            </Field>
          </div>
          {problem && <Text size={200}>{problem}</Text>}
          <Button
            appearance="primary"
            disabled={f.busy || problem !== null || found === 0}
            onClick={() => void f.write()}
          >
            写入 {found} 行
          </Button>
        </>
      )}
      {f.error && <ErrorBar message={f.error} onDismiss={() => f.setError(null)} />}
      {f.confirm && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{f.confirm}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="primary" onClick={() => void f.write(true)}>
              覆盖
            </Button>
            <Button size="small" onClick={() => f.setConfirm(null)}>
              取消
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {f.done && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{f.done}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
