import { describe, expect, it } from 'vitest';
import { manifestText, writingMarkerText } from '../src/cache/index.js';
import { patchManifest } from '../src/rebuild.js';

const manifest = manifestText({
  note: 'note',
  format: 2,
  state: 'complete',
  tool: 't',
  files: { 'a/2021/index.html': 'k1', 'a/2021/report.json': 'k1', 'b/2021/index.html': 'k2', 'b/2021/report.json': 'k2' },
  data: { 'a/2021/report.json': 'h1', 'b/2021/report.json': 'h2' },
  site: { key: 's', pages: { 'index.html': 'k1' } },
});

describe('patchManifest', () => {
  it('should change only the keys of the files named, as the manifest would be written with them', () => {
    const patched = patchManifest(manifest, [
      { path: 'a/2021/index.html', from: 'k1', to: 'n1' },
      { path: 'a/2021/report.json', from: 'k1', to: 'n1' },
    ]);
    const expected = JSON.parse(manifest);
    expected.files['a/2021/index.html'] = 'n1';
    expected.files['a/2021/report.json'] = 'n1';
    expect(patched).toBe(manifestText(expected));
  });

  it('should refuse a file whose key is not the one expected, or that is missing', () => {
    expect(patchManifest(manifest, [{ path: 'a/2021/index.html', from: 'k2', to: 'n1' }])).toBeUndefined();
    expect(patchManifest(manifest, [{ path: 'c/2021/index.html', from: 'k1', to: 'n1' }])).toBeUndefined();
    // The same path and key among the site pages are not a file's line.
    expect(patchManifest(manifest, [{ path: 'index.html', from: 'k1', to: 'n1' }])).toBeUndefined();
    // Nor is the same path with the same value among the data.
    const dataLike = manifest.replace('"h1"', '"k9"');
    expect(patchManifest(dataLike, [{ path: 'a/2021/report.json', from: 'k9', to: 'n1' }])).toBeUndefined();
    // Nor one file named twice.
    expect(patchManifest(manifest, [{ path: 'a/2021/index.html', from: 'k1', to: 'n1' }, { path: 'a/2021/index.html', from: 'k1', to: 'n2' }])).toBeUndefined();
  });

  it('should refuse a manifest that is not complete, or none', () => {
    expect(patchManifest(writingMarkerText('note', 't'), [])).toBeUndefined();
    expect(patchManifest(manifest.replace('"complete"', '"writing"'), [{ path: 'a/2021/index.html', from: 'k1', to: 'n1' }])).toBeUndefined();
    expect(patchManifest(undefined, [])).toBeUndefined();
  });
});
