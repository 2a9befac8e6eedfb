import { describe, expect, it } from 'vitest';
import { urlKind } from '../../src/render/sanitize.js';

describe('urlKind', () => {
  it('should call script and data URLs unsafe, however they are disguised', () => {
    for (const url of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'java\nscript:x', 'data:text/html,<script>', 'vbscript:x', 'file:///etc/passwd']) {
      expect(urlKind(url), url).toBe('unsafe');
    }
  });

  it('should call http, https and protocol-relative URLs external', () => {
    for (const url of ['https://www.gov.cn/', 'http://example.com', '//example.com/x', '/\\example.com', 'HTTPS://EXAMPLE.COM']) {
      expect(urlKind(url), url).toBe('external');
    }
  });

  it('should call fragments, relative paths, mailto and tel local', () => {
    for (const url of ['#section-overview', 'report.json', '../index.html', 'mailto:a@example.com', 'tel:0517-83605210', '附件1.pdf']) {
      expect(urlKind(url), url).toBe('local');
    }
  });
});
