// The golden analysis output (scripts/golden.ts) must equal the committed test/golden/ files. A deliberate change of
// behaviour is recorded with `npm run golden` and reviewed as a diff; a refactoring must leave them byte-identical.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GOLDEN_DIR, goldenOutputs } from '../../scripts/golden';

test('golden analysis output is unchanged (npm run golden records a deliberate change)', () => {
  const outputs = goldenOutputs();
  for (const [file, content] of outputs) {
    const p = join(GOLDEN_DIR, file);
    assert.ok(existsSync(p), `missing test/golden/${file}: run npm run golden`);
    const old = readFileSync(p, 'utf8');
    if (old === content) continue;
    const a = old.split('\n');
    const b = content.split('\n');
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    assert.fail(`test/golden/${file} differs from line ${i + 1}:\n- ${a[i]?.slice(0, 400)}\n+ ${b[i]?.slice(0, 400)}`);
  }
  for (const f of readdirSync(GOLDEN_DIR)) assert.ok(outputs.has(f), `stale test/golden/${f}`);
});
