import { describe, expect, it } from 'vitest';
import { hrefFrom, planSlugs, reportDataPath, reportPagePath, slugify } from '../../src/render/urls.js';

describe('slugify', () => {
  it('should keep Chinese letters and digits, and turn everything else into single hyphens', () => {
    expect(slugify('淮安市人民政府')).toBe('淮安市人民政府');
    expect(slugify('Changdai Town.Gov')).toBe('changdai-town-gov');
    expect(slugify('  常袋镇 人民政府（办公室） ')).toBe('常袋镇-人民政府-办公室');
  });

  it('should never give a name that leaves the output folder or hides itself', () => {
    for (const name of ['..', '.', '.hidden', '../../etc', 'a/../b', 'a\\b', '/abs', '~']) {
      const slug = slugify(name);
      expect(slug, name).toMatch(/^[\p{L}\p{N}][\p{L}\p{N}\p{M}-]*$/u);
      expect(slug, name).not.toContain('.');
      expect(slug, name).not.toContain('/');
    }
    expect(slugify('..')).toBe('agency');
    expect(slugify('../../etc')).toBe('etc');
  });

  it('should avoid the names the site itself uses, year folders and Windows device names', () => {
    expect(slugify('data')).toBe('agency-data');
    expect(slugify('assets')).toBe('agency-assets');
    expect(slugify('2021')).toBe('agency-2021');
    expect(slugify('CON')).toBe('con-agency');
  });

  it('should cut very long names to 60 characters', () => {
    expect(slugify('很'.repeat(100))).toHaveLength(60);
  });
});

describe('planSlugs', () => {
  it('should give folders that would share a slug -2, -3 in the order of their names', () => {
    const slugs = planSlugs(['a.b', 'a b', 'A-B', '淮安']);
    expect([...slugs]).toEqual([
      ['A-B', 'a-b'],
      ['a b', 'a-b-2'],
      ['a.b', 'a-b-3'],
      ['淮安', '淮安'],
    ]);
  });
});

describe('hrefFrom', () => {
  it('should link relatively, percent-encoded, naming index.html', () => {
    expect(hrefFrom('index.html', reportPagePath('淮安', 2024))).toBe('%E6%B7%AE%E5%AE%89/2024/index.html');
    expect(hrefFrom(reportPagePath('a', 2024), 'index.html')).toBe('../../index.html');
    expect(hrefFrom(reportPagePath('a', 2024), reportDataPath('a', 2024))).toBe('report.json');
    expect(hrefFrom(reportPagePath('a', 2024), 'a/index.html')).toBe('../index.html');
    expect(hrefFrom(reportPagePath(undefined, 2021), 'assets/site.css')).toBe('../assets/site.css');
  });
});
