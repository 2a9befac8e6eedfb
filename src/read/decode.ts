/**
 * Bytes → text. Editors save reports from Word, WPS or Notepad: UTF-8 with or
 * without BOM, sometimes GB18030/GBK or UTF-16, with CRLF line endings.
 */

/** What `decode` found out about the bytes. */
export type DecodeResult =
  | { readonly ok: true; readonly text: string; readonly encoding: 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be'; readonly bom: boolean }
  | { readonly ok: false; readonly reason: 'binary' | 'undecodable'; readonly line: number; readonly column: number };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const gb18030 = new TextDecoder('gb18030', { fatal: true });

/**
 * Decode a report's bytes. UTF-8 is tried first (it is what we ask for); then
 * GB18030, a superset of GBK and GB2312, which is what Chinese Windows saves.
 * UTF-16 is recognised by its BOM. Line endings become `\n` (line numbers do
 * not change: a lone CR is a line break in editors too).
 */
export function decode(bytes: Uint8Array): DecodeResult {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes.subarray(2), 'utf-16be');
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const nul = body.indexOf(0);
  if (nul !== -1) return { ok: false, reason: 'binary', ...placeOf(body, nul) };
  try {
    return { ok: true, text: normaliseNewlines(utf8.decode(body)), encoding: 'utf-8', bom };
  } catch {
    // Not UTF-8: try GB18030 below.
  }
  try {
    return { ok: true, text: normaliseNewlines(gb18030.decode(body)), encoding: 'gb18030', bom: false };
  } catch {
    return { ok: false, reason: 'undecodable', ...placeOf(body, firstInvalidUtf8(body)) };
  }
}

function utf16(body: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodeResult {
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(body);
    return { ok: true, text: normaliseNewlines(text), encoding, bom: true };
  } catch {
    return { ok: false, reason: 'undecodable', line: 1, column: 1 };
  }
}

function normaliseNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** Line and column (1-based, in bytes of the line) of a byte offset. */
function placeOf(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Offset of the first byte that breaks UTF-8, to point the editor at it. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >> 5 === 0b110 ? 2 : b >> 4 === 0b1110 ? 3 : b >> 3 === 0b11110 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += length;
  }
  return 0;
}
