/**
 * Every page of a two-agency build in a real browser (Debian's Chromium,
 * driven by playwright-core): axe-core finds no WCAG 2.2 A/AA violation at
 * 320 px and at 1280 px, every number cell of section 三 resolves through
 * its `headers` to its full row and column headers, the page reflows at
 * 320 px, and nothing is loaded from another host.
 *
 * Without Chromium the suite is skipped and says so, except under CI=true,
 * where it fails: CI installs Chromium (.ci/run).
 */

import { accessSync, constants, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicantColumns, applicationRows2021 } from '../../src/catalogue/index.js';
import { makeProject, pagesOf, run, snapshot, twoAgencies } from '../helpers/project.js';

function findChromium(): string | undefined {
  const candidates = [process.env['NIANBAO_CHROMIUM'], '/usr/bin/chromium', ...(process.env['PATH'] ?? '').split(delimiter).flatMap((d) => [join(d, 'chromium'), join(d, 'chromium-browser')])];
  return candidates.find((path): path is string => {
    if (!path) return false;
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

const executablePath = findChromium();
const inCi = process.env['CI'] === 'true' || process.env['CI'] === '1';
const skip = executablePath === undefined && !inCi;
if (skip) console.warn('Chromium not found (/usr/bin/chromium, PATH, NIANBAO_CHROMIUM): skipping the browser accessibility suite. Install it with `apt-get install -y chromium`.');

const WIDTHS = [320, 1280] as const;
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

describe.skipIf(skip)('the pages in Chromium', () => {
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  let site: { dir: string; remove: () => void };
  let pages: string[];
  const requests: string[] = [];

  beforeAll(async () => {
    if (executablePath === undefined) throw new Error('CI=true but Chromium is not installed: .ci/run installs it with `apt-get install -y chromium`.');
    site = makeProject(twoAgencies);
    const { code, stderr } = await run(['build'], site.dir);
    if (code !== 0) throw new Error(`the build failed: ${stderr}`);
    pages = pagesOf(snapshot(join(site.dir, 'dist'))).map(([path]) => path);
    profile = mkdtempSync(join(tmpdir(), 'nianbao-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('request', (request) => requests.push(request.url()));
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    site?.remove();
  });

  async function open(path: string, width: number): Promise<void> {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(pathToFileURL(join(site.dir, 'dist', path)).href);
  }

  async function axe(): Promise<AxeViolation[]> {
    await page.addScriptTag({ content: axeSource });
    return page.evaluate(
      async (values) => {
        const result = await (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: AxeViolation[] }> } }).axe.run(document, {
          runOnly: { type: 'tag', values },
          rules: { 'td-has-header': { enabled: true } },
        });
        return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
      },
      TAGS,
    );
  }

  it('should have built five pages: home, two agencies, two reports', () => {
    expect(pages).toEqual(['changdai/2021/index.html', 'changdai/index.html', 'index.html', '淮安市人民政府-v1-0/2024/index.html', '淮安市人民政府-v1-0/index.html']);
  });

  for (const width of WIDTHS) {
    it(`should have no axe violation on any page at ${width} px`, async () => {
      const found: string[] = [];
      for (const path of pages) {
        await open(path, width);
        for (const v of await axe()) found.push(`${path} @${width}: ${v.id} (${v.help}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      }
      expect(found).toEqual([]);
    });
  }

  it('should reflow at 320 px: no page scrolls sideways, only the table regions do', async () => {
    for (const path of pages) {
      await open(path, 320);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(320);
    }
  });

  it('should keep zero violations and reflow with the larger-text and high-contrast options on, without JavaScript', async () => {
    const path = '淮安市人民政府-v1-0/2024/index.html';
    await open(path, 320);
    await page.click('label[for="option-large-text"]');
    await page.click('label[for="option-high-contrast"]');
    const style = await page.evaluate(() => [getComputedStyle(document.documentElement).fontSize, getComputedStyle(document.body).backgroundColor]);
    expect(style).toEqual(['20px', 'rgb(0, 0, 0)']);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await axe()).toEqual([]);
  });

  it('should associate every number cell of section 三 with its full row and column headers', async () => {
    const expected = applicationRows2021.flatMap((row) =>
      applicantColumns.map((column) => [...row.parents, row.label, '申请人情况', ...(column.group ? [column.group] : []), column.label]),
    );
    for (const path of ['changdai/2021/index.html', '淮安市人民政府-v1-0/2024/index.html']) {
      await open(path, 1280);
      const chains = await page.evaluate(() =>
        [...document.querySelectorAll('#applications tbody td')].map((td) =>
          (td.getAttribute('headers') ?? '').split(/\s+/).map((id) => {
            const th = document.getElementById(id);
            return th?.tagName === 'TH' ? (th.textContent ?? '') : `missing th #${id}`;
          }),
        ),
      );
      expect(chains, path).toEqual(expected);
    }
    // And the numbers are the model's: 淮安 2024, row （三）1.属于国家秘密 is 2 / 0 … / 2.
    const secret = await page.evaluate(() => [...document.querySelectorAll('#applications tbody tr:nth-child(5) td')].map((td) => td.textContent));
    expect(secret).toEqual(['2', '0', '0', '0', '0', '0', '2']);
  });

  it('should right-align the numbers in tabular figures', async () => {
    await open('淮安市人民政府-v1-0/2024/index.html', 1280);
    const style = await page.evaluate(() => {
      const td = document.querySelector('#applications tbody td')!;
      const s = getComputedStyle(td);
      return [s.textAlign, s.fontVariantNumeric];
    });
    expect(style).toEqual(['right', 'tabular-nums']);
  });

  it('should give the skip link as the first stop and move to the main content', async () => {
    await open('changdai/2021/index.html', 1280);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到正文');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#main-content');
  });

  it('should have loaded nothing but files of the site', () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
  });
});
