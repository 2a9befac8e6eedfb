import { h } from 'hastscript';
import { describe, expect, it } from 'vitest';
import { isShared, shared } from '../../templates/shared.js';

describe('shared', () => {
  it('should build once for the same arguments, and again for others', () => {
    let builds = 0;
    const link = shared((config: { name: string }, href: string | undefined) => (builds++, h('a', { href }, config.name)));
    const config = { name: '首页' };
    const first = link(config, '../index.html');
    expect(link(config, '../index.html')).toBe(first);
    expect(link(config, '../../index.html')).not.toBe(first);
    expect(link({ name: '首页' }, '../index.html')).not.toBe(first);
    expect(link(config, undefined)).not.toBe(first);
    expect(builds).toBe(4);
  });

  it('should mark what it built as shared, and nothing else', () => {
    const footer = shared(() => h('footer'));
    expect(isShared(footer())).toBe(true);
    expect(isShared(h('footer'))).toBe(false);
  });

  it('should refuse two object arguments, which it could not key', () => {
    const both = shared((a: object, b: object) => h('p', String(a === b)));
    expect(() => both({}, {})).toThrow(TypeError);
  });
});
