// The injection grammar: valid JSON, scopes injected into Markdown, and patterns that match what they are for.
// TextMate uses Oniguruma; these patterns stay within the syntax both engines share, so JavaScript can test them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const repo = join(__dirname, '..', '..');
const grammar = JSON.parse(readFileSync(join(repo, 'syntaxes', 'report-lint.injection.json'), 'utf8'));
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
const re = (name: string, key = 'match') => new RegExp(grammar.repository[name][key], 'u');

test('package.json injects the grammar into Markdown', () => {
  const g = pkg.contributes.grammars.find((x: { scopeName: string }) => x.scopeName === grammar.scopeName);
  assert.ok(g, 'grammar contributed');
  assert.deepEqual(g.injectTo, ['text.html.markdown']);
  assert.equal(join(repo, g.path), join(repo, 'syntaxes', 'report-lint.injection.json'));
});

test('heading numbers at the start of a line, not inside a sentence', () => {
  const h = re('heading-number');
  for (const s of ['一、总体情况', '## 二、存在问题', '（三）推进', '(四)推进', '1.完善', '１．完善', '2、强化', '（10）落实']) assert.ok(h.test(s), s);
  for (const s of ['全年1.5万件', '受理437件', '一是加强']) assert.ok(!h.test(s), s);
});

test('percentages and quantities with units', () => {
  const p = re('percentage');
  for (const s of ['97.3%', '９９．３％', '百分之五十']) assert.ok(p.test(s), s);
  const q = re('quantity');
  const m = q.exec('受理437件，办结434件');
  assert.equal(m?.[1], '437');
  assert.equal(m?.[2], '件');
  assert.equal(q.exec('4.68万件')?.[2], '万件');
});

test('titles open at 《 and close at 》', () => {
  assert.ok(re('title', 'begin').test('《信访工作条例》'));
  assert.ok(re('title', 'end').test('》'));
});
