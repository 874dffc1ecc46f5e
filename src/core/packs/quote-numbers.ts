// The numbers a target's quote writes in digits: does the quote state the target's value? A pack of 50,000
// targets asks this of every quote, so a plain quote is read by a scan, the rest by NFKC and regexes.

/** The numbers a quote writes in digits (NFKC, thousands separators removed). */
export function numbersInQuote(quote: string): number[] {
  let s = quote.normalize("NFKC");
  // match, not matchAll: the same strings without a match object each.
  if (s.includes(",")) s = s.replace(/(\d),(?=\d{3})/g, "$1");
  return (s.match(/\d+(?:\.\d+)?/g) ?? []).map(Number);
}

/** Does the quote state the number in digits (600, 2.5, 1,234)? No closure per call: a pack asks 50,000 times. */
export function quoteStates(quote: string, n: number): boolean {
  const numbers = plainNumbers(quote) ?? numbersInQuote(quote);
  for (const x of numbers) if (Math.abs(x - n) < 1e-9 * Math.max(1, Math.abs(n))) return true;
  return false;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * Is this character of a quote one numbersInQuote reads as it is written: no character NFKC turns into a digit,
 * a point or a comma, or joins to another (ASCII, CJK ideographs, 、。“”‘’ and full-width ASCII other than
 * digits and the point), and no comma after a digit (a thousands separator)?
 */
function isPlainAt(quote: string, i: number): boolean {
  const c = quote.charCodeAt(i);
  const comma = c === 0x2c || c === 0xff0c;
  if (comma) return i === 0 || !isDigit(quote.charCodeAt(i - 1));
  if (c < 0x80 || (c >= 0x4e00 && c <= 0x9fff) || c === 0x3001 || c === 0x3002) return true;
  if (c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019) return true;
  return c >= 0xff01 && c <= 0xff5e && c !== 0xff0e && (c < 0xff10 || c > 0xff19);
}

/** The numbers of a quote as /\d+(?:\.\d+)?/g reads them, in one scan; null when a character is not plain
 * (isPlainAt: numbersInQuote then reads it). */
function plainNumbers(quote: string): number[] | null {
  const out: number[] = [];
  let start = -1; // where the number being read starts
  let point = -1; // where its decimal point is
  for (let i = 0; i <= quote.length; i++) {
    const c = i < quote.length ? quote.charCodeAt(i) : 0;
    if (i < quote.length && !isPlainAt(quote, i)) return null;
    if (isDigit(c)) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0 && c === 0x2e && point < 0 && isDigit(quote.charCodeAt(i + 1))) {
      point = i;
      continue;
    }
    if (start >= 0) out.push(Number(quote.slice(start, i)));
    start = point = -1;
  }
  return out;
}
