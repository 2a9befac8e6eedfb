import { describe, expect, it } from 'vitest';
import { decode } from '../../src/read/decode.js';

const text = '# 常袋镇人民政府2021年政府信息公开工作年度报告\n\n## 一、总体情况\n';

describe('decode', () => {
  it('should read UTF-8 with and without BOM, with LF or CRLF, as the same text', () => {
    const utf8 = Buffer.from(text);
    for (const bytes of [utf8, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]), Buffer.from(text.replace(/\n/g, '\r\n'))]) {
      const result = decode(bytes);
      expect(result).toMatchObject({ ok: true, text, encoding: 'utf-8' });
    }
  });

  it('should read GB18030 (and so GBK) when the bytes are not UTF-8', () => {
    const gbk = Buffer.from([0xb3, 0xa3, 0xb4, 0xfc, 0xd5, 0xf2]); // 常袋镇
    expect(decode(gbk)).toMatchObject({ ok: true, text: '常袋镇', encoding: 'gb18030' });
  });

  it('should read UTF-16 LE and BE with their BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    expect(decode(le)).toMatchObject({ ok: true, text, encoding: 'utf-16le' });
    expect(decode(be)).toMatchObject({ ok: true, text, encoding: 'utf-16be' });
  });

  it('should refuse binary bytes, pointing at the line of the first NUL', () => {
    expect(decode(Buffer.from('第一行\n第二行\n\u0000'))).toEqual({ ok: false, reason: 'binary', line: 3, column: 1 });
  });

  it('should refuse bytes that are neither UTF-8 nor GB18030, pointing at the first bad byte', () => {
    expect(decode(Buffer.from([0x61, 0x0a, 0x62, 0xff, 0xff, 0xff]))).toEqual({ ok: false, reason: 'undecodable', line: 2, column: 2 });
  });
});
