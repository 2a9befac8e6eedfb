/**
 * The render stage parses prose with `parseProse` (the fast path) instead
 * of `markdown.parse`: the pages must not change by a byte. Here
 * `parseProse` can be switched to `markdown.parse`, and every page is
 * rendered both ways.
 */

import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { syntheticSite } from '../../bench/generate/index.js';
import { defaultSiteConfig } from '../../src/options.js';
import { markdown } from '../../src/parse/markdown.js';
import { processReport, type ProcessedReport } from '../../src/process.js';
import { renderProse, renderReportPage } from '../../src/render/index.js';

const parser = vi.hoisted(() => ({ reference: false }));

vi.mock('../../src/parse/prose-mdast.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/parse/prose-mdast.js')>();
  const { markdown } = await import('../../src/parse/markdown.js');
  return { parseProse: (prose: string) => (parser.reference ? markdown.parse(prose) : original.parseProse(prose)) };
});

const site = { config: defaultSiteConfig(), slugs: new Map<string, string>() };

/** A report's prose and page, rendered with `parseProse` and with `markdown.parse`. */
function bothWays(processed: ProcessedReport) {
  const render = (reference: boolean) => {
    parser.reference = reference;
    try {
      return { prose: renderProse(processed.parsed!), page: renderReportPage(processed, site).files.map((f) => f.content) };
    } finally {
      parser.reference = false;
    }
  };
  return { fast: render(false), reference: render(true) };
}

describe('renderProse with parseProse', () => {
  for (const name of ['changdai-2021', 'huaian-2024']) {
    it(`should render the corpus report ${name} exactly as with markdown.parse`, () => {
      const year = Number(name.slice(-4));
      const bytes = readFileSync(new URL(`../fixtures/corpus/${name}.md`, import.meta.url));
      const { fast, reference } = bothWays(processReport({ path: `x/${year}.md`, pathYear: year }, bytes));
      expect(fast.prose).toStrictEqual(reference.prose);
      expect(fast.page).toEqual(reference.page);
    });
  }

  it('should render 60 synthetic reports exactly as with markdown.parse', () => {
    for (const report of syntheticSite(60, 5)) {
      const processed = processReport({ path: report.path, pathYear: report.year, folderAgency: report.agency.slug }, Buffer.from(report.markdown));
      const { fast, reference } = bothWays(processed);
      expect(fast.prose, report.path).toStrictEqual(reference.prose);
      expect(fast.page, report.path).toEqual(reference.page);
    }
  });

  it('should parse with markdown.parse in the reference rendering only (or the comparisons above prove nothing)', () => {
    // One without a contact e-mail address: an autolink is left to micromark.
    const report = [...syntheticSite(20, 5)].find((r) => !r.markdown.includes('@'));
    const processed = processReport({ path: report!.path, pathYear: report!.year, folderAgency: report!.agency.slug }, Buffer.from(report!.markdown));
    const spy = vi.spyOn(markdown, 'parse');
    try {
      bothWays(processed);
      // Once for renderProse, once for the page: a synthetic report's prose is all built without micromark.
      expect(spy).toHaveBeenCalledTimes(2);
    } finally {
      spy.mockRestore();
    }
  });
});
