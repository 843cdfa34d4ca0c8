// Prints (or with --write, updates in README.md) the table of checks between the rules markers.
// A unit test keeps README.md equal to the code.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checks } from '../server/src/analysis/checks';

const SEV: Record<string, string> = { error: '错误 error', warning: '警告 warning', info: '提示 info' };

export function rulesTable(): string {
  const rows = checks.map(
    (c) => `| \`${c.id}\` | ${c.category} | ${SEV[c.severity]} | ${c.fixable ? '✓' : ''} | ${c.title.zh}（${c.title.en}）：${c.description.zh.replace(/\|/g, '\\|')} |`,
  );
  return ['| 检查 id | 类别 | 默认级别 | 可修复 | 说明 |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

export const START = '<!-- rules:start -->';
export const END = '<!-- rules:end -->';

if (require.main === module) {
  const path = join(__dirname, '..', 'README.md');
  const readme = readFileSync(path, 'utf8');
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error('README.md has no rules markers');
  const next = readme.slice(0, a + START.length) + '\n' + rulesTable() + '\n' + readme.slice(b);
  if (process.argv.includes('--write')) writeFileSync(path, next);
  else process.stdout.write(rulesTable() + '\n');
}
