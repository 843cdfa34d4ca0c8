// Runs every fixture under test/fixtures/<check-id>/: exact findings of that check (and of any rule named in the
// fixture's expectations), `valid.md` producing nothing, and `<name>.fixed.md` equal to the text with all fixes applied.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { analyse, checks } from '../../server/src/analysis';
import { parseFixture, compare, applyFixes } from './fixture-format';

const root = join(__dirname, '..', 'fixtures');
const checkIds = new Set(checks.map((c) => c.id));
const folders = readdirSync(root).filter((d) => statSync(join(root, d)).isDirectory() && checkIds.has(d));

for (const id of folders) {
  describe(`fixtures: ${id}`, () => {
    const dir = join(root, id);
    const files = readdirSync(dir).filter((f) => f.endsWith('.md') && !f.endsWith('.fixed.md'));
    test('has a valid.md', () => assert.ok(files.includes('valid.md'), `${dir}/valid.md is missing`));
    for (const file of files) {
      test(file, () => {
        const fx = parseFixture(readFileSync(join(dir, file), 'utf8'));
        assert.deepEqual(fx.errors, [], 'fixture syntax');
        if (file === 'valid.md') assert.equal(fx.expectations.length, 0, 'valid.md must not expect findings');
        const { findings } = analyse(fx.text);
        const rules = new Set([id, ...fx.expectations.map((e) => e.rule)]);
        const diff = compare(fx.text, findings, fx.expectations, rules);
        assert.deepEqual(diff, [], `${id}/${file}`);
        const fixedPath = join(dir, file.replace(/\.md$/, '.fixed.md'));
        if (existsSync(fixedPath)) {
          const own = findings.filter((f) => f.rule === id);
          const fixed = applyFixes(fx.text, own);
          assert.equal(fixed, readFileSync(fixedPath, 'utf8'), `applying the fixes of ${id}/${file}`);
          const again = analyse(fixed).findings.filter((f) => f.rule === id && f.fixes?.length);
          assert.deepEqual(
            again.map((f) => `${f.rule} "${fixed.slice(f.start, f.end)}"`),
            [],
            'nothing fixable after the fixes',
          );
        }
      });
    }
  });
}

test('every check has a fixture folder with a valid.md', () => {
  for (const c of checks) assert.ok(existsSync(join(root, c.id, 'valid.md')), `test/fixtures/${c.id}/valid.md`);
});
