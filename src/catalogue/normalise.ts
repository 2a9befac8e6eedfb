/**
 * Label normalisation shared by every table: two labels that an editor would
 * read as the same row compare equal after `normaliseLabel`.
 */

/**
 * `text.normalize('NFKC')`, without calling ICU for the text a report is
 * mostly made of: ASCII, CJK unified ideographs and the punctuation below
 * are NFKC already, alone and in any sequence (NFKC quick check Yes and
 * combining class 0 for each), so such a text is its own NFKC. ICU costs
 * some 100 to 200 ns a call, and the parse stage normalises every short line.
 */
export function nfkc(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 || (c >= 0x4e00 && c <= 0x9fff)) continue;
    // 、 。 “ ” ‘ ’ 《 》 「 」 『 』 【 】
    if (c === 0x3001 || c === 0x3002 || (c >= 0x2018 && c <= 0x2019) || (c >= 0x201c && c <= 0x201d) || (c >= 0x300a && c <= 0x300f) || c === 0x3010 || c === 0x3011) continue;
    return text.normalize('NFKC');
  }
  return text;
}

const QUOTES = /["'“”‘’「」『』〝〞]/g;
const SPACE = /[\s\u00a0\u3000\u200b\ufeff]+/g;
// After NFKC, `（一）` is `(一)`; `1、` `1．` `1.` `1,` all mean "item 1".
const ITEM_NUMBER = /(^|[^\d])(\d+)\s*[、.,．，]/g;

// Every report repeats the same few dozen labels and header words: remember
// what they normalise to (a bounded memo, emptied when full).
const memo = new Map<string, string>();
const MEMO_LIMIT = 4096;

/** NFKC, no white space (U+00A0 and U+3000 included), ASCII brackets, `1.` numbering, no quotes. */
export function normaliseLabel(text: string): string {
  let normal = memo.get(text);
  if (normal === undefined) {
    normal = normalise(text);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(text, normal);
  }
  return normal;
}

function normalise(text: string): string {
  return nfkc(text)
    .replace(SPACE, '')
    .replace(QUOTES, '')
    .replace(/【/g, '[')
    .replace(/】/g, ']')
    .replace(ITEM_NUMBER, '$1$2.')
    .replace(/社会公益组织/g, '社会组织')
    .replace(/行政规范性文件/g, '规范性文件');
}

const LEADING_NUMBERING = /^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\)|\d+\.|第[一二三四五六七八九十]+[项部分]?)+/;

/** `normaliseLabel`, then without the leading numbering (`三、`, `(一)`, `1.`). */
export function labelCore(text: string): string {
  return normaliseLabel(text).replace(LEADING_NUMBERING, '');
}
