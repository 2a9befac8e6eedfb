import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { compileHtml, fillHtml, slotMarker, splitAtSlots, textHtml } from '../../src/render/html.js';

const row = (slot: (i: number) => string) => h('tr', [h('th', { id: 'r1', scope: 'row' }, '一、本年新收'), h('td', { className: ['num'] }, slot(0)), h('td', `约 ${slot(1)} 件`)]);

describe('compileHtml', () => {
  it('should give, filled, what toHtml gives for the tree built with the values', () => {
    const template = compileHtml(row, 2);
    for (const values of [['3', '12.5'], ['', '0'], ['<b>&amp;', '"\'\u00A0']]) {
      expect(fillHtml(template, values)).toBe(toHtml(row((i) => values[i]!)));
    }
  });

  it('should refuse a template whose slot sits in an attribute', () => {
    expect(() => compileHtml((slot) => h('td', { title: slot(0) }, slot(1)), 2)).toThrow(/not plain text/);
  });

  it('should refuse a template that shows a slot twice or not at all', () => {
    expect(() => compileHtml((slot) => h('p', [slot(0), slot(0)]), 1)).toThrow(/exactly once/);
    expect(() => compileHtml((slot) => h('p', slot(0)), 2)).toThrow(/exactly once/);
  });

  it('should refuse to fill a template with too few or too many values', () => {
    expect(() => fillHtml(compileHtml(row, 2), ['1'])).toThrow(RangeError);
  });
});

describe('splitAtSlots', () => {
  it('should give nothing when a marker occurs twice, so text holding one is never taken for a slot', () => {
    expect(splitAtSlots(`<p>${slotMarker(0)}</p><p>${slotMarker(0)}</p>`, 1)).toBeUndefined();
    expect(splitAtSlots(`<p>${slotMarker(1)}</p>`, 1)).toBeUndefined();
    expect(splitAtSlots(`<p>${slotMarker(1)}</p><p>${slotMarker(0)}</p>`, 2)).toEqual({ chunks: ['<p>', '</p><p>', '</p>'], order: [1, 0] });
  });
});

describe('textHtml', () => {
  it('should escape text as hast-util-to-html does', () => {
    for (const value of ['96171.6', '-3', 'a < b & c', '&amp;', '<script>', '"']) expect(textHtml(value)).toBe(toHtml({ type: 'text', value }));
  });
});
