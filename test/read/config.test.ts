import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSiteConfig, readSiteConfig } from '../../src/read/config.js';
import { InputError } from '../../src/read/files.js';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readSiteConfig', () => {
  it('should use the defaults when there is no nianbao.config.json', async () => {
    const config = await readSiteConfig(undefined, dir);
    expect(config).toEqual({ siteName: '政府信息公开工作年度报告', columnName: '政府信息公开年报' });
  });

  it('should read nianbao.config.json from the working folder', async () => {
    writeFileSync(join(dir, 'nianbao.config.json'), '\uFEFF{ "siteName": "某县政府信息公开", "siteIdCode": "3208000001", "contact": { "phone": "0517-1234567" } }');
    const config = await readSiteConfig(undefined, dir);
    expect(config).toMatchObject({ siteName: '某县政府信息公开', siteIdCode: '3208000001', contact: { phone: '0517-1234567' }, columnName: '政府信息公开年报' });
    rmSync(join(dir, 'nianbao.config.json'));
  });

  it('should insist on a file named by --config', async () => {
    await expect(readSiteConfig('missing.json', dir)).rejects.toThrow(/missing\.json.*ENOENT/);
  });
});

describe('parseSiteConfig', () => {
  it('should name the file and the field of every problem', () => {
    const attempt = () => parseSiteConfig('{ "siteIdCode": "123", "contact": { "email": "不是邮箱" }, "sitename": "x" }', 'nianbao.config.json');
    expect(attempt).toThrow(InputError);
    const message = (() => {
      try {
        attempt();
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    })();
    expect(message).toContain('nianbao.config.json: siteIdCode: 网站标识码应为 10 位数字或字母');
    expect(message).toContain('nianbao.config.json: contact.email: 应为电子邮箱地址');
    expect(message).toContain('nianbao.config.json: sitename: 没有这个字段，是否拼写有误？');
  });

  it('should say when the file is not JSON', () => {
    expect(() => parseSiteConfig('{ siteName: 1 }', 'site.json')).toThrow(/site\.json 不是有效的 JSON/);
  });

  it('should accept a portal only with an http(s) address', () => {
    expect(() => parseSiteConfig('{ "portal": { "name": "门户", "url": "javascript:alert(1)" } }', 'c.json')).toThrow(/portal\.url/);
    expect(parseSiteConfig('{ "portal": { "name": "门户", "url": "https://www.example.gov.cn/" } }', 'c.json').portal?.url).toBe('https://www.example.gov.cn/');
  });
});
