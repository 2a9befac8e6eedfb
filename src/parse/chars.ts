/** Character classes tested code unit by code unit on every line of a report. */

/**
 * Whether a UTF-16 code unit is white space as `\s` and `String#trim` count
 * it. Testing `/\s/` against `text[i]` makes a one-character string per
 * test; the parse stage asks this of some characters of every line.
 */
export function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * `text` without white space (`\s`), as `text.replace(/\s+/g, '')` gives
 * it; the text itself, without running the replacement, when it has none.
 */
export function withoutSpace(text: string): string {
  for (let i = 0; i < text.length; i++) if (isSpace(text.charCodeAt(i))) return text.replace(SPACES, '');
  return text;
}

const SPACES = /\s+/g;
