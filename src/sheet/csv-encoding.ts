// A CSV's bytes to text, whichever encoding Excel or WPS saved it in: UTF-8 (with or without BOM), UTF-16 (Excel's
// "Unicode 文本", with or without BOM) and GBK / GB18030 (the default "CSV (逗号分隔)" on Chinese Windows). The
// encoding assumed is returned, to be said to the user. Only bytes no decoder reads are refused. TextDecoder only:
// no Buffer, so the pane could use it too.

export type CsvEncoding = "UTF-8" | "UTF-16LE" | "UTF-16BE" | "GB18030";

export type Decoded = { text: string; encoding: CsvEncoding } | { error: string };

/** Zero bytes in a quarter of the even or odd positions of the first 200: UTF-16 (LE: zeros at odd positions). */
function utf16Order(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length, 200);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2) odd++;
    else even++;
  }
  if (n < 4 || Math.max(even, odd) < n / 4) return null;
  return odd >= even ? "utf-16le" : "utf-16be";
}

function tryDecode(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

const NAMES: Record<string, CsvEncoding> = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16LE",
  "utf-16be": "UTF-16BE",
  gb18030: "GB18030",
};

/**
 * The encodings to try, most specific first: a byte-order mark decides; UTF-16 without one is recognised by its
 * zero bytes; then UTF-8 (strict: GBK text is almost never valid UTF-8) and GB18030 (a superset of GBK and GB2312).
 */
function candidates(bytes: Uint8Array): string[] {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return ["utf-8"];
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return ["utf-16le"];
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return ["utf-16be"];
  const wide = utf16Order(bytes);
  return wide ? [wide] : ["utf-8", "gb18030"];
}

export function decodeCsv(bytes: Uint8Array): Decoded {
  for (const label of candidates(bytes)) {
    const text = tryDecode(label, bytes);
    if (text !== null) return { text: text.replace(/^\uFEFF/, ""), encoding: NAMES[label] };
  }
  return {
    error:
      "文件编码无法识别(不是 UTF-8、UTF-16 或 GBK/GB18030 编码的文本)。" +
      "请在 Excel 中“另存为”选择“CSV UTF-8(逗号分隔)”后重试",
  };
}
