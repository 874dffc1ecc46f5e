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
  const numbers = isPlain(quote) ? plainNumbers(quote) : numbersInQuote(quote);
  for (const x of numbers) if (Math.abs(x - n) < 1e-9 * Math.max(1, Math.abs(n))) return true;
  return false;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function digitAt(s: string, i: number): boolean {
  return i < s.length && isDigit(s.charCodeAt(i));
}

/**
 * Is the quote one whose numbers numbersInQuote reads as they are written: no character NFKC turns into a digit,
 * a point or a comma, or joins to another (ASCII, CJK ideographs, 、。“”‘’ and full-width ASCII other than
 * digits and the point), and no comma after a digit (a thousands separator)?
 */
function isPlain(quote: string): boolean {
  for (let i = 0; i < quote.length; i++) {
    const c = quote.charCodeAt(i);
    if (c < 0x80 || (c >= 0x4e00 && c <= 0x9fff) || c === 0x3001 || c === 0x3002) {
      if (c === 0x2c && i > 0 && isDigit(quote.charCodeAt(i - 1))) return false;
    } else if (c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019) continue;
    else if (c >= 0xff01 && c <= 0xff5e) {
      if (c === 0xff0e || (c >= 0xff10 && c <= 0xff19)) return false;
      if (c === 0xff0c && i > 0 && isDigit(quote.charCodeAt(i - 1))) return false;
    } else return false;
  }
  return true;
}

/** The numbers of a plain quote (isPlain), as /\d+(?:\.\d+)?/g reads them. */
function plainNumbers(quote: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < quote.length; ) {
    if (!digitAt(quote, i)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (digitAt(quote, j)) j++;
    if (quote.charCodeAt(j) === 0x2e && digitAt(quote, j + 1)) for (j += 2; digitAt(quote, j); ) j++;
    out.push(Number(quote.slice(i, j)));
    i = j;
  }
  return out;
}
