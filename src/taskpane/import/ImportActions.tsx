// 导入规划's buttons: insert the blank 规划目标 table, import from the current sheet, or from a pack file.
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { useRef } from "react";

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  file: { display: "none" },
});

export interface ImportActionsProps {
  busy: boolean;
  onTemplate(): void;
  onSheet(): void;
  onFile(name: string, bytes: Uint8Array): Promise<void>;
}

export function ImportActions({ busy, onTemplate, onSheet, onFile }: ImportActionsProps) {
  const s = useStyles();
  const file = useRef<HTMLInputElement>(null);
  const choose = async (f: File | undefined) => {
    if (!f) return;
    const bytes = await bytesOf(f);
    if (file.current) file.current.value = "";
    await onFile(f.name, bytes);
  };
  return (
    <div className={s.actions}>
      <Button onClick={onTemplate} disabled={busy}>
        插入空白规划目标表
      </Button>
      <Button appearance="primary" onClick={onSheet} disabled={busy}>
        从当前工作表导入
      </Button>
      <Button onClick={() => file.current?.click()} disabled={busy}>
        导入规划包文件…
      </Button>
      <input
        ref={file}
        className={s.file}
        type="file"
        accept=".json,.xlsx"
        aria-label="规划包文件"
        onChange={(e) => void choose(e.target.files?.[0])}
      />
    </div>
  );
}

/** A file's bytes (FileReader: every webview Office uses has it, and so has jsdom). */
function bytesOf(f: File): Promise<Uint8Array> {
  return new Promise((ok, fail) => {
    const r = new FileReader();
    r.onload = () => ok(new Uint8Array(r.result as ArrayBuffer));
    r.onerror = () => fail(new Error(`无法读取文件“${f.name}”。`));
    r.readAsArrayBuffer(f);
  });
}
