// 转为数值: PLAN.* formulas of the selection, the sheet or the workbook replaced by their values, for recipients
// without the add-in (who would see #NAME?). Two steps, nothing changed before the second: 查找 lists every cell
// that would be converted (and the error cells that will not), then 确认转为数值 converts exactly that list. The
// result lists what was converted, what was left because it changed meanwhile, and whether notes were kept.
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { a1 } from "../../workbook/workbook";
import {
  SCOPE_LABEL,
  type FormulaCell,
  type FreezePreview,
  type FreezeResult,
  type FreezeScope,
} from "../../sheet/freeze";
import { usePane } from "../context";
import { ErrorBar } from "../ErrorBar";
import { useBusy } from "../useBusy";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: "240px", overflowY: "auto" },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});

const where = (c: FormulaCell) => `${c.sheet}!${a1(c.row, c.col)}`;
const shown = (c: FormulaCell) => (c.value === null ? "(空)" : String(c.value));

function CellList({ cells, label }: { cells: FormulaCell[]; label: string }) {
  const s = useStyles();
  return (
    <ul className={s.list} aria-label={label}>
      {cells.map((c) => (
        <li key={where(c)}>
          <span className={s.cell}>{where(c)}</span> {shown(c)} <span className={s.cell}>{c.formula}</span>
        </li>
      ))}
    </ul>
  );
}

export function FreezePanel() {
  const s = useStyles();
  const { service, onWorkbookChanged } = usePane();
  const [scope, setScope] = useState<FreezeScope>("sheet");
  const [preview, setPreview] = useState<FreezePreview | null>(null);
  const [result, setResult] = useState<FreezeResult | null>(null);
  const { busy, error, setError, run } = useBusy();
  const find = () =>
    run(async () => {
      setResult(null);
      setPreview(await service.previewFreeze(scope));
    });
  const confirm = () =>
    run(async () => {
      const r = await service.freeze(preview!.cells);
      setPreview(null);
      setResult(r);
      onWorkbookChanged?.();
    });

  return (
    <div className={s.root}>
      <Text weight="semibold">转为数值</Text>
      <Text size={200}>
        把 PLAN.* 公式换成它现在的计算结果,发给没有安装加载项的人时不会显示 #NAME?。每个转换的单元格附批注,
        写明原公式、出处和数据版本。转换后公式不再随数据更新;Excel 的 Ctrl+Z
        不能撤销,可用窗格上方的“撤销”按钮恢复公式(所附批注需另行删除)。
      </Text>
      <RadioGroup
        layout="horizontal"
        value={scope}
        onChange={(_, d) => {
          setScope(d.value as FreezeScope);
          setPreview(null);
        }}
        aria-label="转换范围"
      >
        {(Object.keys(SCOPE_LABEL) as FreezeScope[]).map((k) => (
          <Radio key={k} value={k} label={SCOPE_LABEL[k]} />
        ))}
      </RadioGroup>
      <div className={s.row}>
        <Button onClick={() => void find()} disabled={busy}>
          查找 PLAN 公式
        </Button>
        {busy && <Spinner size="extra-tiny" aria-label="正在处理" />}
      </div>
      {error && <ErrorBar message={error} onDismiss={() => setError(null)} />}
      {preview && (
        <PreviewList
          preview={preview}
          scope={scope}
          busy={busy}
          onConfirm={() => void confirm()}
          onCancel={() => setPreview(null)}
        />
      )}
      {result && <ResultList result={result} />}
    </div>
  );
}

interface PreviewProps {
  preview: FreezePreview;
  scope: FreezeScope;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Step 1's answer: what would be converted, what not, and the confirmation. */
function PreviewList({ preview, scope, busy, onConfirm, onCancel }: PreviewProps) {
  const s = useStyles();
  const n = preview.cells.length;
  return (
    <>
      <Text>
        {SCOPE_LABEL[scope]}中有 {n} 个 PLAN 公式单元格将转为数值
        {preview.errors.length ? `;${preview.errors.length} 个显示错误值,不转换` : ""}。
      </Text>
      {n > 0 && <CellList cells={preview.cells} label="将转为数值" />}
      {preview.errors.length > 0 && <CellList cells={preview.errors} label="显示错误值,不转换" />}
      <div className={s.row}>
        {n > 0 && (
          <Button appearance="primary" onClick={onConfirm} disabled={busy}>
            确认转为数值({n} 个单元格)
          </Button>
        )}
        <Button onClick={onCancel} disabled={busy}>
          {n > 0 ? "取消" : "关闭"}
        </Button>
      </div>
    </>
  );
}

/** Step 2's answer: what was converted, and what was left and why. */
function ResultList({ result }: { result: FreezeResult }) {
  return (
    <>
      <MessageBar intent={result.notes ? "success" : "warning"} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>已转为数值 {result.converted.length} 个单元格</MessageBarTitle>
          {result.notes
            ? "每个单元格的批注中记有原公式和出处。"
            : "当前 Excel 不支持批注接口(需 ExcelApi 1.10),未能附上出处批注;下表列出了每个单元格的原公式。"}
          {result.changed.length > 0 && ` ${result.changed.length} 个单元格在查找后已被修改,未转换。`}
          {result.spillsRefused.length > 0 &&
            ` ${result.spillsRefused.length} 个单元格的结果可能溢出到相邻单元格,当前 Excel 版本(缺少 ExcelApi 1.12)无法读取整个溢出区域,为免只留下左上角一个值,未转换;请复制这些区域后“选择性粘贴 › 数值”。`}
        </MessageBarBody>
      </MessageBar>
      {result.converted.length > 0 && <CellList cells={result.converted} label="已转为数值" />}
      {result.changed.length > 0 && <CellList cells={result.changed} label="已修改,未转换" />}
      {result.spillsRefused.length > 0 && <CellList cells={result.spillsRefused} label="可能溢出,未转换" />}
    </>
  );
}
