/** The phrases prose-figures reads. */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { phrases } from '../../src/check/prose-figures.js';

describe('prose-figures phrases', () => {
  it('should have their word in every text their pattern matches (lines without it are skipped)', () => {
    for (const phrase of phrases) {
      fc.assert(
        fc.property(fc.stringMatching(new RegExp(phrase.pattern.source)), (text) => {
          expect(text.includes(phrase.word), `${phrase.pattern} matches ${text}`).toBe(true);
        }),
        { numRuns: 2000 },
      );
    }
  });
});
