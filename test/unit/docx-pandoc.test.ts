// Word documents made by another tool: pandoc turns each sample report into a .docx (heading styles from `#`,
// line breaks kept, typed numbering as text), and reading it back gives the seed's findings and sections.
// Needs pandoc (Debian package `pandoc`; CI installs it): without it the test is skipped, saying so.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDocx } from '../../server/src/docx';
import { facts } from './docx-build';

const repo = join(__dirname, '..', '..');
const seeds = readdirSync(join(repo, 'seeds')).filter((f) => /^\d{3}-.*\.md$/.test(f));
const pandoc = spawnSync('pandoc', ['--version'], { encoding: 'utf8' });
const missing = pandoc.error || pandoc.status !== 0 ? 'pandoc is not installed (apt-get install -y pandoc); skipped' : false;

describe('a .docx made by pandoc from each seed gives the seed’s findings and sections', { skip: missing }, () => {
  for (const seed of seeds) {
    test(seed, () => {
      const dir = mkdtempSync(join(tmpdir(), 'report-lint-pandoc-'));
      try {
        const out = join(dir, seed.replace(/\.md$/, '.docx'));
        // hard_line_breaks: a line of a Word paste is a line in Word too (the seeds keep one paragraph per line).
        const r = spawnSync('pandoc', ['-f', 'gfm+hard_line_breaks', '-t', 'docx', '-o', out, join(repo, 'seeds', seed)], { encoding: 'utf8' });
        assert.equal(r.status, 0, r.stderr);
        const read = readDocx(new Uint8Array(readFileSync(out)));
        if (!read.ok) assert.fail(read.error.en);
        const md = readFileSync(join(repo, 'seeds', seed), 'utf8');
        const got = facts(read.doc.text);
        const want = facts(md);
        assert.ok(want.sections.length > 0);
        assert.deepEqual(got.findings.map((f) => f.rule), want.findings.map((f) => f.rule), 'the same rules');
        assert.deepEqual(got.sections, want.sections, 'the same sections');
        assert.deepEqual(got, want, 'the same findings, messages and number relations');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
