// The numbers corpus (test/fixtures/numbers-corpus/): report excerpts whose figures are all correct, written to
// exercise every number relation. On them the number checks raise no warning or error, and every mutation of a
// consistent figure (scripts/mutations.ts, as in `npm run accuracy`) is caught — except a breakdown total raised
// above its parts, which is only a hint unless the list is evidently complete (see breakdown-sum).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse } from '../../server/src/analysis';
import { getRelations, statedScaled } from '../../server/src/analysis/relations';
import type { Finding } from '../../server/src/analysis/types';
import { checkable, mutate, mutations, NUMBER_RULES, trulyWrong } from '../../scripts/mutations';

const dir = join(__dirname, '..', 'fixtures', 'numbers-corpus');
const files = readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md').sort();
const overlaps = (f: Finding, s: number, e: number) => f.start < e && f.end > s;

describe('numbers corpus', () => {
  test('has its files', () => assert.ok(files.length >= 9, `${files.length} files`));
  for (const file of files) {
    test(file, () => {
      const text = readFileSync(join(dir, file), 'utf8');
      const base = analyse(text);
      const raised = base.findings.filter((f) => NUMBER_RULES.has(f.rule) && f.severity !== 'info');
      assert.deepEqual(
        raised.map((f) => `${f.rule} “${text.slice(f.start, f.end)}”: ${f.message}`),
        [],
        'no warning or error: every figure of the corpus is correct',
      );
      const rels = checkable(getRelations(base.model));
      assert.ok(rels.length > 0, 'the excerpt holds relations to check');
      const missed: string[] = [];
      for (const r of rels) {
        const f = r.stated;
        for (const m of mutations(r)) {
          if (!trulyWrong(r, m)) continue;
          const { mutated, shift } = mutate(text, f, m);
          const hits = analyse(mutated).findings.filter((x) => NUMBER_RULES.has(x.rule) && overlaps(x, f.start, f.end + shift));
          if (hits.some((x) => x.severity !== 'info')) continue;
          const raisedTotal = r.kind === 'breakdown' && m.scaled > statedScaled(f);
          if (raisedTotal && hits.length) continue;
          missed.push(`${r.kind} “${text.slice(f.start, f.end)}” → “${mutated.slice(f.start, f.end + shift)}” (${m.how})${hits.length ? ' [info only]' : ''}`);
        }
      }
      assert.deepEqual(missed, [], 'every mutation of a consistent figure is caught');
    });
  }
});
