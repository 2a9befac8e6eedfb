/**
 * Reading the site configuration file. A missing default file means "no
 * configuration"; a file named on the command line must exist. Every problem
 * is an `InputError` naming the file and the field.
 */

import { readFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { defaultConfigFile, defaultSiteConfig, siteConfigSchema, type SiteConfig } from '../options.js';
import { InputError } from './files.js';

/** Read and validate the site configuration: `file` as given by `--config`, or the default file when it exists. */
export async function readSiteConfig(file: string | undefined, cwd: string): Promise<SiteConfig> {
  const path = resolve(cwd, file ?? defaultConfigFile);
  const shown = relative(cwd, path).split(sep).join('/') || path;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (file === undefined && code === 'ENOENT') return defaultSiteConfig();
    throw new InputError(`无法读取配置文件 ${shown}（${code ?? 'error'}）。Cannot read the configuration file ${shown}.`, { cause });
  }
  return parseSiteConfig(text, shown);
}

/** Parse a configuration file's text; `shown` names the file in messages. */
export function parseSiteConfig(text: string, shown: string): SiteConfig {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (cause) {
    throw new InputError(`配置文件 ${shown} 不是有效的 JSON：${(cause as Error).message}。${shown} is not valid JSON.`, { cause });
  }
  const result = siteConfigSchema.safeParse(json);
  if (result.success) return result.data;
  const problems = result.error.issues.flatMap((issue) => {
    const at = (key?: string) => [...issue.path, ...(key === undefined ? [] : [key])].join('.') || '(整个文件 the whole file)';
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => `  ${shown}: ${at(key)}: 没有这个字段，是否拼写有误？(unknown field)`);
    return [`  ${shown}: ${at()}: ${issue.message}`];
  });
  throw new InputError(`配置文件 ${shown} 有误 (invalid configuration):\n${problems.join('\n')}`);
}
