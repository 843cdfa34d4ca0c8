// The command line as a user runs it (dist/cli.js, built by `npm test` before the tests run).
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repo = join(__dirname, '..', '..');
const cli = join(repo, 'dist', 'cli.js');
const run = (args: string[], cwd = repo) => spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });

before(() => {
  if (!existsSync(cli)) spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repo, stdio: 'inherit' });
});

describe('report-lint CLI', () => {
  test('JSON on the seeds: report years, profile, missing parts (the documented shape)', () => {
    const r = run(['--format', 'json', 'seeds/']);
    assert.equal(r.status, 1, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.version, 1);
    const byName = Object.fromEntries(out.files.map((f: { path: string }) => [f.path.replace(/^seeds\//, '').slice(0, 3), f]));
    assert.deepEqual(
      Object.fromEntries(Object.entries(byName).map(([k, f]) => [k, (f as { reportYear: number }).reportYear])),
      { '000': 2020, '001': 2021, '002': 2018, '003': 2020, '004': 2023 },
    );
    const missing = (k: string) =>
      byName[k].findings.filter((f: { rule: string; severity: string }) => f.rule === 'missing-section' && f.severity !== 'info').map((f: { section: string }) => f.section);
    assert.deepEqual(missing('000'), ['first-responsibility']);
    assert.deepEqual(missing('001'), ['first-responsibility']);
    assert.deepEqual(missing('003'), []);
    assert.deepEqual(missing('004'), []);
    const wz = byName['002'].findings.filter((f: { category: string }) => f.category === 'structure');
    assert.ok(wz.length > 0 && wz.every((f: { severity: string }) => f.severity === 'info'), 'only information-level structure findings for 2018');
    for (const f of out.files) {
      assert.equal(f.profile, 'fzzf-annual');
      for (const x of f.findings) {
        assert.deepEqual(Object.keys(x.range), ['start', 'end']);
        assert.ok(['structure', 'numbers', 'names', 'dates', 'style'].includes(x.category));
        assert.ok(['error', 'warning', 'info'].includes(x.severity));
        assert.ok(Array.isArray(x.fixes));
        if (x.section !== undefined) assert.equal(x.rule, 'missing-section');
      }
    }
  });

  test('text format is compiler-like and exit 0 when there is no error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-'));
    writeFileSync(join(dir, 'ok.md'), '# 某县2023年度法治政府建设情况报告\n\n## 一、主要举措和成效\n\n## 二、党政主要负责人履行推进法治建设第一责任人职责情况\n\n## 三、存在的不足和原因\n\n## 五、2024年度主要安排\n');
    const r = run(['ok.md'], dir);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^ok\.md:9:4 {2}警告 {2}heading-numbering {2}/m);
    const en = run(['--locale', 'en', 'ok.md'], dir);
    assert.match(en.stdout, /warning {2}heading-numbering {2}Heading numbering/);
  });

  test('usage errors exit 2 with a clear message', () => {
    for (const args of [[], ['--format', 'xml', 'seeds'], ['--year', '23', 'seeds'], ['--bogus', 'seeds']]) {
      const r = run(args);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, /report-lint: .+/);
    }
  });

  test('unreadable, binary and non-UTF-8 files are named, the others still checked, exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-'));
    writeFileSync(join(dir, 'a.md'), '# 某县2023年度法治政府建设情况报告\n');
    writeFileSync(join(dir, 'bin.md'), Buffer.from([0x23, 0x00, 0x01, 0x02]));
    writeFileSync(join(dir, 'gbk.md'), Buffer.from([0xb1, 0xa8, 0xb8, 0xe6])); // 报告 in GBK
    const r = run(['--format', 'json', 'a.md', 'bin.md', 'gbk.md', 'nope.md'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /bin\.md: 二进制文件/);
    assert.match(r.stderr, /gbk\.md: 不是 UTF-8/);
    assert.match(r.stderr, /nope\.md: 找不到/);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(out.files.map((f: { path: string }) => f.path), ['a.md']);
  });

  test('a malformed workspace profiles file is named and the built-in profile keeps working', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-'));
    mkdirSync(join(dir, '.report-lint'));
    writeFileSync(join(dir, '.report-lint', 'profiles.json'), '{"profiles": [ {"id": "x"  ');
    writeFileSync(join(dir, 'r.md'), '# 某县2023年度法治政府建设情况报告\n\n## 一、主要举措和成效\n');
    const r = run(['--format', 'json', 'r.md'], dir);
    assert.match(r.stderr, /\.report-lint\/profiles\.json: 不是有效的 JSON/);
    const out = JSON.parse(r.stdout);
    assert.equal(out.files[0].profile, 'fzzf-annual');
    assert.ok(out.files[0].findings.some((f: { section?: string }) => f.section === 'first-responsibility'));
  });

  test('a workspace profile is used when its title words match', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-'));
    mkdirSync(join(dir, '.report-lint'));
    const profile = {
      profiles: [
        {
          id: 'safety-annual',
          name: { zh: '安全生产工作年度报告', en: 'Annual work-safety report' },
          regulation: { zh: '本地规定', en: 'local rule' },
          source: 'local',
          detect: { titleIncludes: ['安全生产工作'] },
          parts: [
            { key: 'overview', required: true, name: { zh: '总体情况', en: 'overview' }, canonical: '总体情况', headings: [['总体情况']] },
            { key: 'accidents', required: true, name: { zh: '事故情况', en: 'accidents' }, canonical: '{year}年事故情况', headings: [['事故']] },
          ],
        },
      ],
    };
    writeFileSync(join(dir, '.report-lint', 'profiles.json'), JSON.stringify(profile));
    writeFileSync(join(dir, 'r.md'), '# 某县2023年安全生产工作报告\n\n## 一、总体情况\n');
    const r = run(['--format', 'json', 'r.md'], dir);
    const f = JSON.parse(r.stdout).files[0];
    assert.equal(f.profile, 'safety-annual');
    const miss = f.findings.filter((x: { rule: string }) => x.rule === 'missing-section');
    assert.deepEqual(miss.map((x: { section: string }) => x.section), ['accidents']);
    assert.equal(miss[0].fixes[0].edits[0].newText.trim(), '## 二、2023年事故情况');
  });
});

describe('workspace files are bounded', () => {
  test('an oversized profiles file is refused with a message naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-'));
    mkdirSync(join(dir, '.report-lint'));
    const part = { key: 'a', required: true, name: { zh: '甲', en: 'a' }, canonical: '甲', headings: [['甲']] };
    const profiles = Array.from({ length: 60 }, (_, i) => ({ id: `p${i}`, name: { zh: '乙', en: 'b' }, regulation: { zh: '丙', en: 'c' }, source: 's', detect: { titleIncludes: ['乙'] }, parts: [part] }));
    writeFileSync(join(dir, '.report-lint', 'profiles.json'), JSON.stringify({ profiles }));
    writeFileSync(join(dir, 'r.md'), '# 某县2023年度法治政府建设情况报告\n');
    const r = run(['--format', 'json', 'r.md'], dir);
    assert.match(r.stderr, /profiles\.json: 报告类型过多/);
    assert.equal(JSON.parse(r.stdout).files[0].profile, 'fzzf-annual');
  });
});
