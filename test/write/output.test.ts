import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkOutputFolder, OutputError, outputMarker, Staging } from '../../src/write/output.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'nianbao-output-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('Staging', () => {
  it('should build beside the output and swap it in on commit, removing the old output', async () => {
    const out = join(root, 'dist');
    mkdirSync(out);
    writeFileSync(join(out, outputMarker), '');
    writeFileSync(join(out, 'old.html'), 'old');
    const staging = await Staging.open(out);
    expect(staging.dir.startsWith(join(root, '.dist.building-'))).toBe(true);
    await staging.write('a/b/index.html', 'new');
    expect(readFileSync(join(out, 'old.html'), 'utf8')).toBe('old');
    await staging.commit();
    expect(readFileSync(join(out, 'a/b/index.html'), 'utf8')).toBe('new');
    expect(existsSync(join(out, 'old.html'))).toBe(false);
    expect(existsSync(join(out, outputMarker))).toBe(true);
    expect(readdirSync(root)).toEqual(['dist']);
  });

  it('should leave the output untouched and remove itself on discard', async () => {
    const out = join(root, 'site', 'dist');
    const staging = await Staging.open(out);
    await staging.write('index.html', 'x');
    await staging.discard();
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(join(root, 'site'))).toEqual([]);
  });

  it('should append and read back data files', async () => {
    const staging = await Staging.open(join(root, 'dist'));
    await staging.append('data/x.csv', 'a\r\n');
    await staging.append('data/x.csv', 'b\r\n');
    expect(await staging.read('data/x.csv')).toBe('a\r\nb\r\n');
    await staging.discard();
  });

  it('should refuse paths that leave the output folder or are hidden, and a second write of a path', async () => {
    const staging = await Staging.open(join(root, 'dist'));
    for (const path of ['../x.html', 'a/../../x', '/etc/x', '.htaccess', 'a/.git/x', 'a//b', 'a\\..\\b']) {
      await expect(staging.write(path, 'x'), path).rejects.toThrow(/unsafe output path/);
    }
    await staging.write('index.html', 'one');
    await expect(staging.write('index.html', 'two')).rejects.toThrow(/writing index\.html/);
    await staging.discard();
    expect(readdirSync(root)).toEqual([]);
  });
});

describe('checkOutputFolder', () => {
  const guarded = () => ({ cwd: join(root, 'project'), reports: join(root, 'project', 'reports') });

  it('should accept a missing, an empty or a marked folder', async () => {
    await expect(checkOutputFolder(join(root, 'project', 'dist'), guarded())).resolves.toBeUndefined();
    mkdirSync(join(root, 'project', 'dist'), { recursive: true });
    await expect(checkOutputFolder(join(root, 'project', 'dist'), guarded())).resolves.toBeUndefined();
    writeFileSync(join(root, 'project', 'dist', outputMarker), '');
    writeFileSync(join(root, 'project', 'dist', 'index.html'), '');
    await expect(checkOutputFolder(join(root, 'project', 'dist'), guarded())).resolves.toBeUndefined();
  });

  it('should refuse the working folder, its parents, and folders overlapping the reports', async () => {
    for (const out of [join(root, 'project'), root, join(root, 'project', 'reports'), join(root, 'project', 'reports', 'site')]) {
      await expect(checkOutputFolder(out, guarded()), out).rejects.toThrow(OutputError);
    }
  });

  it('should refuse a folder with other content, and a file', async () => {
    mkdirSync(join(root, 'project', 'src'), { recursive: true });
    writeFileSync(join(root, 'project', 'src', 'cli.ts'), '');
    await expect(checkOutputFolder(join(root, 'project', 'src'), guarded())).rejects.toThrow(/不是 nianbao 生成的/);
    writeFileSync(join(root, 'project', 'file'), '');
    await expect(checkOutputFolder(join(root, 'project', 'file'), guarded())).rejects.toThrow(/不是文件夹/);
  });
});

describe('checkOutputFolder and symbolic links', () => {
  it('should refuse an output path that is a symbolic link, which a swap would replace', async () => {
    const { symlinkSync } = await import('node:fs');
    mkdirSync(join(root, 'real'));
    symlinkSync(join(root, 'real'), join(root, 'link'));
    await expect(checkOutputFolder(join(root, 'link'), { cwd: join(root, 'project'), reports: join(root, 'project', 'reports') })).rejects.toThrow(/符号链接/);
  });
});
