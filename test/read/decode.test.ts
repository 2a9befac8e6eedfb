/** Bytes → text: encodings, BOMs, line endings, and where undecodable bytes are. */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/read/decode.js';

const text = '# 示例市人民政府2021年政府信息公开工作年度报告\n\n## 一、总体情况\n\n本年度共收到申请26件。\n';
const utf16le = (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]);
const utf16be = (t: string) => {
  const bytes = Buffer.from(t, 'utf16le');
  bytes.swap16();
  return Buffer.concat([Buffer.from([0xfe, 0xff]), bytes]);
};

/** `prefix` as UTF-8, then `bad`, then `rest`. */
const broken = (prefix: string, bad: number[], rest = '其余部分\n') => Buffer.concat([Buffer.from(prefix), Buffer.from(bad), Buffer.from(rest)]);

describe('decode', () => {
  it('should read UTF-8, with or without BOM, CRLF and lone CR as LF', () => {
    expect(decode(Buffer.from(text))).toEqual({ ok: true, text, encoding: 'utf-8', bom: false });
    expect(decode(Buffer.from(`\ufeff${text}`))).toEqual({ ok: true, text, encoding: 'utf-8', bom: true });
    expect(decode(Buffer.from(text.replace(/\n/g, '\r\n')))).toMatchObject({ ok: true, text });
    expect(decode(Buffer.from(text.replace(/\n/g, '\r')))).toMatchObject({ ok: true, text });
  });

  it('should read GB18030 (GBK) and UTF-16 LE and BE with BOM', () => {
    const gb = new Uint8Array(Buffer.from('2320bbb4b0b2cad0c8cbc3f1d5feb8ae32303234c4eab1a8b8e60a', 'hex')); // “# 淮安市人民政府2024年报告\n” in GBK
    expect(decode(gb)).toEqual({ ok: true, text: '# 淮安市人民政府2024年报告\n', encoding: 'gb18030', bom: false });
    expect(decode(utf16le(text))).toEqual({ ok: true, text, encoding: 'utf-16le', bom: true });
    expect(decode(utf16be(text))).toEqual({ ok: true, text, encoding: 'utf-16be', bom: true });
    expect(decode(utf16le(text.replace(/\n/g, '\r\n')))).toMatchObject({ ok: true, text });
  });

  it('should call a file with NUL bytes binary, at the first NUL', () => {
    expect(decode(Buffer.from('第一行\n第二行\u0000'))).toEqual({ ok: false, reason: 'binary', line: 2, column: 4 });
    expect(decode(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).toMatchObject({ ok: false, reason: 'binary' });
  });

  // Regression: the check for the first bad byte took ED A0 80 (an encoded surrogate) and overlong
  // forms for valid UTF-8 and pointed at 1:1; columns were counted in bytes, not characters.
  for (const [name, bad] of [
    ['a lone surrogate (ED A0 80)', [0xed, 0xa0, 0x80]],
    ['an overlong slash (C0 AF)', [0xc0, 0xaf]],
    ['a code point above U+10FFFF (F4 90 80 80)', [0xf4, 0x90, 0x80, 0x80]],
    ['a byte never in UTF-8 (FF)', [0xff]],
  ] as const) {
    it(`should point at ${name} by line and character column (regression: 1:1 or a byte column)`, () => {
      // A final FF, which GB18030 cannot read either, keeps the file undecodable.
      expect(decode(broken('# 标题\n第二行：', [...bad, 0x41, 0xff], ''))).toEqual({ ok: false, reason: 'undecodable', line: 2, column: 5 });
    });
  }

  // Regression: a UTF-8 file with one bad sequence was read as GB18030 whenever GB18030 could read
  // its bytes (short files): mojibake, a “save as UTF-8” warning and errors for every heading.
  const prefix = '# 标题\n\n第三行有一个坏字节：';
  const place = { line: 3, column: '第三行有一个坏字节：'.length + 1 };
  for (const [name, bad] of [
    ['a lone surrogate (ED A0 80)', [0xed, 0xa0, 0x80]],
    ['a CESU-8 surrogate pair', [0xed, 0xa1, 0x80, 0xed, 0xb7, 0x82]],
    ['an overlong slash (C0 AF)', [0xc0, 0xaf]],
    ['an overlong three-byte form (E0 80 AF)', [0xe0, 0x80, 0xaf]],
    ['a stray continuation byte (80)', [0x80]],
    ['a byte never in UTF-8 (FF)', [0xff]],
  ] as const) {
    it(`should report ${name} in a UTF-8 file as invalid UTF-8, not read it as GB18030 (regression: mojibake)`, () => {
      expect(decode(broken(prefix, [...bad]))).toEqual({ ok: false, reason: 'invalid-utf-8', ...place });
    });
  }

  it('should count a CRLF or a lone CR as one line break when pointing at a bad byte', () => {
    expect(decode(broken('一二三四\r\n五六\r七八\n九', [0xed, 0xa0, 0x80]))).toEqual({ ok: false, reason: 'invalid-utf-8', line: 4, column: 2 });
  });

  it('should still try GB18030 when UTF-8 breaks within the first characters', () => {
    expect(decode(broken('# ', [0xbb, 0xb4], '\n'))).toEqual({ ok: true, text: '# 淮\n', encoding: 'gb18030', bom: false });
    expect(decode(Buffer.from([0x23, 0x20, 0xff, 0xff]))).toEqual({ ok: false, reason: 'undecodable', line: 1, column: 3 });
  });

  it('should point at a lone surrogate in UTF-16', () => {
    const units = Buffer.from('第一行\n第二', 'utf16le');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), units, Buffer.from([0x00, 0xd8, 0x41, 0x00])]);
    expect(decode(le)).toEqual({ ok: false, reason: 'undecodable', line: 2, column: 3 });
    const be = Buffer.from(le.subarray(2));
    be.swap16();
    expect(decode(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual({ ok: false, reason: 'undecodable', line: 2, column: 3 });
    expect(decode(Buffer.concat([utf16le('一\n二'), Buffer.from([0x41])]))).toEqual({ ok: false, reason: 'undecodable', line: 2, column: 2 });
  });

  it('should read a lone surrogate written by JavaScript as the replacement character', () => {
    expect(decode(Buffer.from('淮\ud800安'))).toMatchObject({ ok: true, text: '淮\ufffd安' });
  });

  it('should read as UTF-8 exactly what the fatal UTF-8 decoder reads, as it reads it', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    // Valid text (any code point), stray and truncated bytes, surrogates and overlong forms, mixed.
    const piece = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 8 }).map((t) => Buffer.from(t)),
      fc.uint8Array({ min: 1, max: 0xff, maxLength: 4 }).map((b) => Buffer.from(b)),
      fc.constantFrom([0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xf4, 0x90, 0x80, 0x80], [0xef, 0xbb, 0xbf]).map((b) => Buffer.from(b)),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), (pieces) => {
        const bytes = Buffer.concat(pieces).filter((b) => b !== 0);
        const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
        if (bytes[0] === 0xff || bytes[0] === 0xfe) return;
        let expected: string | undefined;
        try {
          expected = fatal.decode(body).replace(/\r\n?/g, '\n');
        } catch {
          expected = undefined;
        }
        const result = decode(bytes);
        if (expected === undefined) expect(result.ok && result.encoding === 'utf-8').toBe(false);
        else expect(result).toMatchObject({ ok: true, encoding: 'utf-8', text: expected });
      }),
      { numRuns: 5000 },
    );
  });
});
