// 提取: paste plan text, review the candidate targets the rule-based extractor proposes (edit, accept, reject;
// historical figures shown as baselines), and append the accepted ones to the 规划目标 table, to import from there.
import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import {
  candidateRows,
  reviewOf,
  type PackService,
  type ReviewedCandidate,
} from "../../services/pack-service";
import { usePane } from "../context";
import { ErrorBar } from "../ErrorBar";
import { ExtractCandidate } from "./ExtractCandidate";
import { useBusy } from "../useBusy";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: {
    margin: 0,
    padding: 0,
    listStyle: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
});

// The extractor (rules and word lists) loads when first used, not with the pane.
const extract = async (text: string) =>
  (await import(/* webpackChunkName: "extract" */ "../../core/extract")).extractCandidates(text);

export function ExtractPanel({ imports }: { imports: PackService }) {
  const s = useStyles();
  const { onWorkbookChanged } = usePane();
  const [text, setText] = useState("");
  const [ctx, setCtx] = useState<PlanContext>({ region: "", plan: "", source: "" });
  const [items, setItems] = useState<ReviewedCandidate[] | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, setError, run } = useBusy();

  const propose = () =>
    run(async () => {
      setDone(null);
      setItems((await extract(text)).map(reviewOf));
    });
  const rows = items ? candidateRows(items, ctx) : [];
  const write = () =>
    run(async () => {
      const r = await imports.appendToTable(rows);
      setDone(
        `已写入“${r.sheetName}”表第 ${r.firstRow}–${r.firstRow + r.count - 1} 行。请核对后点“从当前工作表导入”。`,
      );
      onWorkbookChanged?.();
    });
  const update = (i: number, next: ReviewedCandidate) =>
    setItems((cur) => cur && cur.map((x, j) => (j === i ? next : x)));
  const missing = (["region", "plan", "source"] as const).filter((k) => !ctx[k].trim());

  return (
    <section className={s.root} aria-label="提取">
      <h2 className={s.title}>提取:从规划文本中找出目标</h2>
      <Field
        label="规划原文"
        hint="粘贴规划中写目标的段落(如“到2030年,高新技术企业达到800家”)。只在本机按规则提取,不联网。"
      >
        <Textarea rows={6} value={text} onChange={(_, d) => setText(d.value)} />
      </Field>
      <Button onClick={() => void propose()} disabled={busy || !text.trim()}>
        提取候选目标
      </Button>
      {error && <ErrorBar message={error} onDismiss={() => setError(null)} />}
      {items && items.length === 0 && <Text>没有找到带年份和数值的目标。</Text>}
      {items && items.length > 0 && <Review items={items} onChange={update} ctx={ctx} onCtx={setCtx} />}
      {items && items.length > 0 && (
        <Button
          appearance="primary"
          disabled={busy || rows.length === 0 || missing.length > 0}
          onClick={() => void write()}
        >
          写入规划目标表({rows.length} 项)
        </Button>
      )}
      {done && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

type PlanContext = { region: string; plan: string; source: string };
interface ReviewProps {
  items: ReviewedCandidate[];
  onChange: (i: number, next: ReviewedCandidate) => void;
  ctx: PlanContext;
  onCtx: (ctx: PlanContext) => void;
}

/** The candidates to check one by one, then where they come from (地区, 规划名称, 出处). */
function Review({ items, onChange, ctx, onCtx }: ReviewProps) {
  const s = useStyles();
  const baselines = items.filter((i) => i.candidate.baseline).length;
  return (
    <>
      <Text size={200}>
        找到 {items.length - baselines} 个候选目标、{baselines}{" "}
        个历史数据(可作基期值)。逐条核对,可修改指标、数值、单位、年份,不要的取消勾选。
      </Text>
      <ul className={s.list} aria-label="候选目标">
        {items.map((it, i) => (
          <ExtractCandidate
            key={`${it.candidate.start}-${it.candidate.end}-${i}`}
            item={it}
            onChange={(n) => onChange(i, n)}
          />
        ))}
      </ul>
      <Field label="地区" required hint="规划适用的地区,如 某某县">
        <Input value={ctx.region} onChange={(_, d) => onCtx({ ...ctx, region: d.value })} />
      </Field>
      <Field label="规划名称" required>
        <Input value={ctx.plan} onChange={(_, d) => onCtx({ ...ctx, plan: d.value })} />
      </Field>
      <Field label="出处" required hint="文件名、文号或网址">
        <Input value={ctx.source} onChange={(_, d) => onCtx({ ...ctx, source: d.value })} />
      </Field>
    </>
  );
}
