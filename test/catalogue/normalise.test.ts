/** Label normalisation and its NFKC shortcut. */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nfkc } from '../../src/catalogue/index.js';
import { withoutSpace } from '../../src/parse/chars.js';

describe('nfkc', () => {
  it('should give what String#normalize gives for every single code unit', () => {
    const differ: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const text = String.fromCharCode(code);
      if (nfkc(text) !== text.normalize('NFKC')) differ.push(code.toString(16));
    }
    expect(differ).toEqual([]);
  });

  it('should give what String#normalize gives for text mixing its shortcut’s characters with others', () => {
    // Shortcut characters next to full-width forms, compatibility ideographs, combining marks, Hangul jamo.
    const part = fc.oneof(
      fc.constantFrom('一、总体情况', '（一）', '“三安全一稳定”', '《条例》', '【】', 'A', 'e', ' ', '\u3000', '１２', '\uf900', '\u2f00', '\u0301', '\u1161', '\u11a8', '가', '…', 'ﬁ'),
      fc.string({ unit: 'binary', maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(part, { maxLength: 8 }), (parts) => {
        const text = parts.join('');
        expect(nfkc(text)).toBe(text.normalize('NFKC'));
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('withoutSpace', () => {
  it('should remove white space as /\\s+/g does', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', '一', ' ', '\t', '\u3000', '\u00a0', '\ufeff', '\u200b', '\u2028'), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(withoutSpace(text)).toBe(text.replace(/\s+/g, ''));
      }),
    );
  });
});
