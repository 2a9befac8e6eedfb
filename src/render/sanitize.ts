/**
 * Making the report's own links and images safe. Raw HTML never reaches the
 * page (see prose.ts); what remains are the URLs an editor wrote, which must
 * neither run script (`javascript:`) nor make the page load anything from
 * another host. Done on the tree, never on finished HTML.
 */

import type { Element, ElementContent, Parents, Root } from 'hast';
import { h } from 'hastscript';

/** What a URL in a report is to the page. */
export type UrlKind = 'unsafe' | 'external' | 'local';

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);
// Browsers drop these before reading a URL's scheme (`java\tscript:` runs).
const IGNORED = /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]/g;

/**
 * `unsafe`: a scheme other than http, https, mailto and tel
 * (`javascript:`, `data:`, `vbscript:`…). `external`: another site
 * (`https://…`, `//host/…`). `local`: a fragment or a relative path.
 */
export function urlKind(url: string): UrlKind {
  const cleaned = url.replace(IGNORED, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
  if (scheme !== undefined) {
    if (!SAFE_SCHEMES.has(scheme)) return 'unsafe';
    return scheme === 'http' || scheme === 'https' ? 'external' : 'local';
  }
  // `//host`, `/\host` and `\\host` all leave the site.
  return /^[\\/]{2}/.test(cleaned) ? 'external' : 'local';
}

/**
 * Make every link and image of a prose tree safe, in place:
 * - a link with an unsafe URL becomes its text;
 * - a link to another site gets `rel="noopener noreferrer"`;
 * - an image becomes a link to it when it is on another site (so the page
 *   loads nothing from there), otherwise its alternative text: images beside
 *   the report are not published;
 * - a GFM task-list checkbox becomes ☑/☐, as it is not a form control.
 */
export function sanitizeLinks(tree: Root): void {
  rewrite(tree);
}

function rewrite(parent: Parents): void {
  const children: (Root['children'][number] | ElementContent)[] = [];
  for (const child of parent.children) {
    if (child.type !== 'element') {
      children.push(child);
      continue;
    }
    rewrite(child);
    children.push(...replacement(child));
  }
  parent.children = children as typeof parent.children;
}

function replacement(element: Element): ElementContent[] {
  switch (element.tagName) {
    case 'a': {
      const href = typeof element.properties['href'] === 'string' ? element.properties['href'] : '';
      const kind = urlKind(href);
      if (kind === 'unsafe') return element.children;
      if (kind === 'external') element.properties['rel'] = ['noopener', 'noreferrer'];
      delete element.properties['target'];
      return [element];
    }
    case 'img': {
      const src = typeof element.properties['src'] === 'string' ? element.properties['src'] : '';
      const alt = typeof element.properties['alt'] === 'string' ? element.properties['alt'].trim() : '';
      if (urlKind(src) === 'external') return [h('a', { href: src, rel: ['noopener', 'noreferrer'] }, `图片：${alt || src}`)];
      return alt ? [{ type: 'text', value: alt }] : [];
    }
    case 'input':
      return [{ type: 'text', value: element.properties['checked'] ? '☑ ' : '☐ ' }];
    default:
      return [element];
  }
}
