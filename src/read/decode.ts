/**
 * Bytes → text. Editors save reports from Word, WPS or Notepad: UTF-8 with or
 * without BOM, sometimes GB18030/GBK or UTF-16, with CRLF line endings.
 */

import { isUtf8, transcode } from 'node:buffer';

/** What `decode` found out about the bytes. */
export type DecodeResult =
  | { readonly ok: true; readonly text: string; readonly encoding: 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be'; readonly bom: boolean }
  | { readonly ok: false; readonly reason: 'binary' | 'invalid-utf-8' | 'undecodable'; readonly line: number; readonly column: number };

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
  if (nul !== -1) return { ok: false, reason: 'binary', ...placeOf(lenient.decode(body.subarray(0, nul))) };
  if (isUtf8(body)) return { ok: true, text: normaliseNewlines(utf8Text(body)), encoding: 'utf-8', bom };
  // The bytes before the first one that breaks UTF-8 are UTF-8: point there.
  const bad = firstInvalidUtf8(body);
  const before = body.subarray(0, Math.max(0, bad));
  const place = placeOf(utf8.decode(before));
  // GBK text breaks UTF-8 within its first few characters (never after more than 3 in our corpus,
  // tried from every line). A file with many valid UTF-8 characters first is UTF-8 with a bad
  // sequence (a lone surrogate, CESU-8, a stray byte): reading it as GB18030 would give mojibake.
  if (multibyteCount(before) >= 8) return { ok: false, reason: 'invalid-utf-8', ...place };
  try {
    return { ok: true, text: normaliseNewlines(gb18030.decode(body)), encoding: 'gb18030', bom: false };
  } catch {
    return { ok: false, reason: 'undecodable', ...place };
  }
}

/**
 * Valid UTF-8 bytes as text, as the fatal decoder gives it. Node 20's UTF-8
 * decoders (TextDecoder, Buffer#toString) take some 30 µs for a 6 KB report
 * of Chinese text, a tenth of processing it; ICU's transcoder to UTF-16 and
 * a copy into a string take 5.
 */
function utf8Text(bytes: Uint8Array): string {
  return transcode(bytes, 'utf8', 'utf16le').toString('utf16le');
}

/** Number of multi-byte characters in valid UTF-8 bytes. */
function multibyteCount(bytes: Uint8Array): number {
  let count = 0;
  for (const b of bytes) if (b >= 0xc0) count++;
  return count;
}

const lenient = new TextDecoder('utf-8', { ignoreBOM: true });

function utf16(body: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodeResult {
  const decoder = new TextDecoder(encoding, { fatal: true });
  try {
    return { ok: true, text: normaliseNewlines(decoder.decode(body)), encoding, bom: true };
  } catch {
    const bad = firstInvalidUtf16(body, encoding === 'utf-16le');
    return { ok: false, reason: 'undecodable', ...placeOf(decoder.decode(body.subarray(0, bad))) };
  }
}

function normaliseNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/**
 * Line and column (1-based, in characters as an editor counts them, CR, LF
 * and CRLF each ending a line) of the end of `prefix`.
 */
function placeOf(prefix: string): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < prefix.length; i++) {
    const c = prefix.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && prefix.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: prefix.length - lineStart + 1 };
}

/**
 * Offset of the first byte that breaks UTF-8 (-1 if none), by the table of
 * well-formed sequences (Unicode §3.9, table 3-7): overlong forms, encoded
 * surrogates (a lone surrogate, CESU-8) and code points above U+10FFFF are
 * all invalid.
 */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i;
    }
    i += length;
  }
  return -1;
}

/** Offset (even) of the first code unit of UTF-16 that is a lone surrogate or a lone trailing byte. */
function firstInvalidUtf16(bytes: Uint8Array, littleEndian: boolean): number {
  const unit = (i: number) => (littleEndian ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!);
  let i = 0;
  for (; i + 1 < bytes.length; i += 2) {
    const u = unit(i);
    if (u >= 0xdc00 && u <= 0xdfff) return i;
    if (u >= 0xd800 && u <= 0xdbff) {
      const next = i + 3 < bytes.length ? unit(i + 2) : -1;
      if (next < 0xdc00 || next > 0xdfff) return i;
      i += 2;
    }
  }
  return i;
}
