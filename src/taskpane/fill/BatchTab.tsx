// Tab 批量: paste a two-column block (指标, 实际值[, 基期值]) or a CSV into a progress sheet's 实际值 and 基期值
// cells; a preview lists each row's problem, and the rows that still cannot be assessed and what they lack.
import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Select,
  Text,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { reasonWords } from "../../core/method/reasons";
import type { BatchPreview, BatchService } from "../../sheet/batch-actuals";
import { ErrorBar } from "../ErrorBar";
import { useBatch } from "./useBatch";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export function BatchTab({ batch }: { batch: BatchService }) {
  const s = useStyles();
  const b = useBatch(batch);
  return (
    <div className={s.root}>
      <Field
        label="进度表"
        hint={b.sheets.length === 0 ? "工作簿中还没有进度表,请先在“进度表”选项卡生成" : undefined}
      >
        <Select value={b.sheet} onChange={(_, d) => b.setSheet(d.value)} onFocus={() => void b.reload()}>
          {b.sheets.map((x) => (
            <option key={x.sheetName} value={x.sheetName}>
              {x.sheetName}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label="粘贴实际值"
        hint="从表格复制两列(指标、实际值,可加第三列基期值)粘贴于此,或粘贴 CSV(表头 指标,实际值,基期值)。% 行填 2.1 或 2.1%。"
      >
        <Textarea rows={6} value={b.text} onChange={(_, d) => b.setText(d.value)} />
      </Field>
      <Button
        appearance="primary"
        disabled={b.busy || !b.sheet || !b.text.trim()}
        onClick={() => void b.doPreview()}
      >
        预览
      </Button>
      {b.preview && <PreviewView preview={b.preview} />}
      {b.preview && (
        <Button
          appearance="primary"
          disabled={b.busy || b.preview.issues.length > 0 || b.preview.rows.length === 0}
          onClick={() => void b.write()}
        >
          写入 {b.preview.rows.length} 行
        </Button>
      )}
      <BatchMessages b={b} />
    </div>
  );
}

function BatchMessages({ b }: { b: ReturnType<typeof useBatch> }) {
  return (
    <>
      {b.error && <ErrorBar message={b.error} onDismiss={b.dismissError} />}
      {b.confirm && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{b.confirm}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="primary" onClick={() => void b.write(true)}>
              覆盖
            </Button>
            <Button size="small" onClick={b.cancelConfirm}>
              取消
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {b.done && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{b.done}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

function PreviewView({ preview: p }: { preview: BatchPreview }) {
  const s = useStyles();
  return (
    <>
      {p.issues.length > 0 && (
        <section aria-label="需修正的行">
          <Text weight="semibold">需修正 {p.issues.length} 行(修正后再预览):</Text>
          <ul className={s.list}>
            {p.issues.slice(0, 50).map((i) => (
              <li key={`${i.line}:${i.message}`}>
                <Text size={200}>
                  第 {i.line} 行:{i.message}
                  {i.suggestions.length > 0 && !i.suggestions.every((x) => i.message.includes(x))
                    ? ` 建议:${i.suggestions.join("、")}`
                    : ""}
                </Text>
              </li>
            ))}
          </ul>
          {p.issues.length > 50 && <Text size={200}>……另有 {p.issues.length - 50} 个问题未列出</Text>}
        </section>
      )}
      {p.rows.length > 0 && (
        <section aria-label="将写入的行">
          <Text weight="semibold">将写入 {p.rows.length} 行:</Text>
          <ul className={s.list}>
            {p.rows.map((r) => (
              <li key={r.target.id}>
                <Text size={200}>
                  {r.target.indicatorDef.name}:实际值 {r.actual ?? "—"}
                  {r.baseline !== null ? `,基期值 ${r.baseline}` : ""}({r.target.unit})
                </Text>
              </li>
            ))}
          </ul>
        </section>
      )}
      {p.conflicts.length > 0 && (
        <Text size={200}>其中 {p.conflicts.length} 个单元格已有不同的值,写入前会先询问。</Text>
      )}
      {p.unassessable.length > 0 && (
        <section aria-label="仍无法评估">
          <Text weight="semibold">写入后仍无法评估 {p.unassessable.length} 项:</Text>
          <ul className={s.list}>
            {p.unassessable.map((u) => (
              <li key={u.target.id}>
                <Text size={200}>
                  {u.target.indicatorDef.name}:{reasonWords(u.reasons)}
                </Text>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
