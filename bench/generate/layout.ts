/** Messy pastes at random: each report gets some of the deviations of FORMAT.md §7 that `Layout` can write. */

import type { Layout } from '../../test/support/write-report.js';
import type { Random } from './random.js';

/** A random layout: mostly TSV pasted from Word, some pipe tables, the odd CRLF, BOM and stray heading level. */
export function randomLayout(rng: Random): Layout {
  const roll = rng.next();
  const headingLevels =
    roll < 0.5
      ? [2, 2, 2, 2, 2, 2]
      : roll < 0.65
        ? [3, 3, 3, 3, 3, 3]
        : roll < 0.8
          ? [2, 2, 2, 4, 4, 4] // the sample report's levels
          : roll < 0.9
            ? Array.from({ length: 6 }, () => rng.int(1, 6))
            : Array.from({ length: 6 }, () => (rng.chance(0.3) ? 0 : rng.int(2, 4))); // some headings as plain paragraphs
  return {
    table: rng.chance(0.15) ? 'pipe' : 'tsv',
    shift: rng.chance(0.7),
    blankLineInTable: rng.chance(0.15),
    asciiBrackets: rng.chance(0.2),
    enumeratedComma: rng.chance(0.2),
    headingLevels,
    crlf: rng.chance(0.15),
    bom: rng.chance(0.1),
    socialOrganisation: rng.chance(0.2),
  };
}
