import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultSiteConfig } from '../../src/options.js';
import { parseSiteConfig, readSiteConfig, readSiteConfigFile } from '../../src/read/config.js';
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
  it('should name the file and the field of every problem', async () => {
    const attempt = parseSiteConfig('{ "siteIdCode": "123", "contact": { "email": "不是邮箱" }, "sitename": "x" }', 'nianbao.config.json');
    const error = await attempt.then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    const message = (error as Error).message;
    expect(message).toContain('nianbao.config.json: siteIdCode: 网站标识码应为 10 位数字或字母');
    expect(message).toContain('nianbao.config.json: contact.email: 应为电子邮箱地址');
    expect(message).toContain('nianbao.config.json: sitename: 没有这个字段，是否拼写有误？');
  });

  it('should say when the file is not JSON', async () => {
    await expect(parseSiteConfig('{ siteName: 1 }', 'site.json')).rejects.toThrow(/site\.json 不是有效的 JSON/);
  });

  it('should accept a portal only with an http(s) address', async () => {
    await expect(parseSiteConfig('{ "portal": { "name": "门户", "url": "javascript:alert(1)" } }', 'c.json')).rejects.toThrow(/portal\.url/);
    expect((await parseSiteConfig('{ "portal": { "name": "门户", "url": "https://www.example.gov.cn/" } }', 'c.json')).portal?.url).toBe('https://www.example.gov.cn/');
  });
});

describe('the configuration without zod', () => {
  it('should give the schema’s own defaults when there is no file', async () => {
    const { siteConfigSchema } = await import('../../src/config-schema.js');
    expect(defaultSiteConfig()).toEqual(siteConfigSchema.parse({}));
  });

  it('should take a known configuration only for the very text it was read from', async () => {
    const path = join(dir, 'known.json');
    writeFileSync(path, '{ "siteName": "甲县" }');
    const first = await readSiteConfigFile('known.json', dir);
    expect(first.config.siteName).toBe('甲县');
    // Stands for a result the schema would not give: taken only while the text is the same.
    const known = { source: first.source, config: { ...first.config, siteName: '已知' } };
    expect((await readSiteConfigFile('known.json', dir, known)).config.siteName).toBe('已知');
    writeFileSync(path, '{ "siteName": "乙县" }');
    expect((await readSiteConfigFile('known.json', dir, known)).config.siteName).toBe('乙县');
    writeFileSync(path, '{ "siteName": "甲县", "sitename": "x" }');
    await expect(readSiteConfigFile('known.json', dir, known)).rejects.toThrow(/sitename/);
  });
});
