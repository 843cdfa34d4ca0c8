// Invariants of the check registry: ids, both languages, fixtures and the README's rule table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { checks } from '../../server/src/analysis';
import { rulesTable, START, END } from '../../scripts/rules-table';
import { messages as serverMessages } from '../../server/src/messages';

const repo = join(__dirname, '..', '..');

test('check ids are unique kebab-case and match their file names', () => {
  const ids = checks.map((c) => c.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const c of checks) {
    assert.match(c.id, /^[a-z]+(-[a-z]+)*$/);
    assert.ok(existsSync(join(repo, 'server', 'src', 'analysis', 'checks', `${c.id}.ts`)), `checks/${c.id}.ts`);
  }
});

test('every message, title and description exists in Chinese and English with the same placeholders', () => {
  const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const c of checks) {
    for (const [what, t] of [['title', c.title], ['description', c.description], ...Object.entries(c.messages)] as [string, { zh: string; en: string }][]) {
      assert.ok(t.zh && t.zh.trim(), `${c.id}.${what}.zh`);
      assert.ok(t.en && t.en.trim(), `${c.id}.${what}.en`);
      assert.match(t.zh, /[\u4e00-\u9fff]/, `${c.id}.${what}.zh is Chinese`);
      assert.deepEqual(ph(t.zh), ph(t.en), `${c.id}.${what}: placeholders differ`);
    }
  }
  for (const [id, t] of Object.entries(serverMessages)) {
    assert.ok(t.zh && t.en, id);
    assert.deepEqual(ph(t.zh), ph(t.en), `server message ${id}`);
  }
});

test('package.nls.json and package.nls.zh-cn.json have the same keys, and every %key% in package.json exists', () => {
  const en = JSON.parse(readFileSync(join(repo, 'package.nls.json'), 'utf8'));
  const zh = JSON.parse(readFileSync(join(repo, 'package.nls.zh-cn.json'), 'utf8'));
  assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  const pkg = readFileSync(join(repo, 'package.json'), 'utf8');
  for (const m of pkg.matchAll(/"%([\w.]+)%"/g)) assert.ok(m[1]! in en, `%${m[1]}% in package.nls.json`);
});

test("README's rule table equals the code (npm run docs updates it)", () => {
  const readme = readFileSync(join(repo, 'README.md'), 'utf8');
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  assert.ok(a >= 0 && b > a, 'README has the rules markers');
  assert.equal(readme.slice(a + START.length, b).trim(), rulesTable().trim());
});
