// report-lint command line: the same analysis as the language server, for files and folders.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { readText } from './read-text';
import { WORD_EXTENSIONS, isWordFile, isWordLockFile, readWordFile, warningsLine, wordLocation, formatPlace, type ReportFile } from './docx';
import { join, relative, resolve, sep } from 'node:path';
import { analyse } from './analysis';
import type { Locale, Severity } from './analysis/types';
import { findingToJson, positionAt } from './convert';
import { loadWorkspaceConfig } from './workspace-config';

const USAGE = `用法 (usage): report-lint [--format text|json] [--year N] [--profile ID] [--locale zh|en] <文件或目录 files or folders…>

  --format text|json   输出格式，默认 text (output format)
  --year N             指定报告年度 (override the report year)
  --profile ID         指定报告类型 (report profile, e.g. fzzf-annual, xxgk-annual)
  --locale zh|en       消息语言，默认 zh (message language)
  -h, --help           显示帮助 (show this help)

退出码 (exit code): 0 无错误 (no errors), 1 有错误级别的问题 (findings of severity error), 2 用法或输入错误 (usage or input error).`;

const EXTENSIONS = ['.md', '.markdown', ...WORD_EXTENSIONS];

interface Args {
  format: 'text' | 'json';
  year?: number;
  profile?: string;
  locale: Locale;
  paths: string[];
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Args | 'help' {
  const a: Args = { format: 'text', locale: 'zh', paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${arg} 缺少参数值 (missing value)`);
      return v;
    };
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? next();
    switch (flag) {
      case '-h':
      case '--help':
        return 'help';
      case '--format': {
        const v = value();
        if (v !== 'text' && v !== 'json') throw new UsageError(`--format 只能是 text 或 json，收到 "${v}" (expected text or json)`);
        a.format = v;
        break;
      }
      case '--year': {
        const v = value();
        if (!/^(19|20)\d{2}$/.test(v)) throw new UsageError(`--year 应为四位年份，收到 "${v}" (expected a four-digit year)`);
        a.year = Number(v);
        break;
      }
      case '--profile':
        a.profile = value();
        break;
      case '--locale': {
        const v = value();
        if (v !== 'zh' && v !== 'en') throw new UsageError(`--locale 只能是 zh 或 en，收到 "${v}"`);
        a.locale = v;
        break;
      }
      default:
        if (flag.startsWith('-') && flag !== '-') throw new UsageError(`未知选项 ${flag} (unknown option)`);
        a.paths.push(arg);
    }
  }
  if (!a.paths.length) throw new UsageError('请指定要检查的文件或目录 (no files or folders given)');
  return a;
}

function collect(path: string, out: string[], problems: string[]): void {
  let st;
  try {
    st = statSync(path);
  } catch {
    problems.push(`${path}: 找不到文件或目录 (no such file or folder)`);
    return;
  }
  if (st.isDirectory()) {
    let entries: string[];
    try {
      entries = readdirSync(path).sort();
    } catch (e) {
      problems.push(`${path}: 无法读取目录 (cannot read folder: ${(e as Error).message})`);
      return;
    }
    for (const name of entries) {
      if (name.startsWith('.') || name === 'node_modules' || isWordLockFile(name)) continue;
      const p = join(path, name);
      let s;
      try {
        s = statSync(p);
      } catch {
        continue;
      }
      if (s.isDirectory()) collect(p, out, problems);
      else if (EXTENSIONS.some((e) => name.toLowerCase().endsWith(e)) && name.toLowerCase() !== 'readme.md') out.push(p);
    }
  } else out.push(path);
}

const SEV_ZH: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

function main(argv: string[]): number {
  let args: Args | 'help';
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`report-lint: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  if (args === 'help') {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const problems: string[] = [];
  const files: string[] = [];
  for (const p of args.paths) collect(p, files, problems);

  const cwd = process.cwd();
  const config = loadWorkspaceConfig(
    (rel) => {
      const p = resolve(cwd, rel);
      return existsSync(p) ? readFileSync(p, 'utf8') : undefined;
    },
    (rel) => rel,
  );
  for (const e of config.errors) process.stderr.write(`report-lint: ${e}；已改用内置配置 (using built-in defaults)\n`);

  let errors = 0;
  let warnings = 0;
  let infos = 0;
  const jsonFiles: unknown[] = [];
  for (const file of files) {
    const r: ReportFile = isWordFile(file) ? readWordFile(file) : readText(file);
    if ('error' in r) {
      problems.push(r.error);
      continue;
    }
    const docx = r.docx;
    if (docx?.warnings.length) process.stderr.write(`report-lint: ${file}: ${warningsLine(docx, args.locale)}\n`);
    const res = analyse(r.text, { year: args.year, profile: args.profile, locale: args.locale, extraProfiles: config.profiles, names: config.names });
    for (const ie of res.internalErrors) process.stderr.write(`report-lint: ${file}: 检查 ${ie.rule} 内部出错，已跳过 (internal error in check, skipped): ${ie.error.split('\n')[0]}\n`);
    const display = relative(cwd, resolve(file)).split(sep).join('/') || file;
    for (const f of res.findings) {
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
      else infos++;
    }
    if (args.format === 'json') {
      jsonFiles.push({
        path: display,
        reportYear: res.model.reportYear?.value ?? null,
        profile: res.profile.id,
        findings: res.findings.map((f) => (docx ? { ...findingToJson(res.model.lineStarts, f), word: wordLocation(docx, f) } : findingToJson(res.model.lineStarts, f))),
        ...(docx ? { format: 'docx' } : {}),
      });
    } else {
      for (const f of res.findings) {
        const p = positionAt(res.model.lineStarts, f.start);
        const sev = args.locale === 'en' ? f.severity : SEV_ZH[f.severity];
        const w = docx && wordLocation(docx, f);
        const where = w ? `${display}:${formatPlace(w, args.locale)}` : `${display}:${p.line + 1}:${p.character + 1}`;
        process.stdout.write(`${where}  ${sev}  ${f.rule}  ${f.message}${w ? `  “${w.quote}”` : ''}\n`);
      }
    }
  }
  for (const p of problems) process.stderr.write(`report-lint: ${p}\n`);
  if (args.format === 'json') {
    process.stdout.write(JSON.stringify({ version: 1, files: jsonFiles }, null, 2) + '\n');
  } else {
    const summary =
      args.locale === 'en'
        ? `${files.length} file(s) checked: ${errors} error(s), ${warnings} warning(s), ${infos} info.`
        : `已检查 ${files.length} 个文件：${errors} 个错误，${warnings} 个警告，${infos} 个提示。`;
    process.stdout.write(summary + '\n');
  }
  if (problems.length) return 2;
  return errors > 0 ? 1 : 0;
}

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`report-lint: 内部错误 (internal error): ${(e as Error).stack ?? e}\n`);
    process.exitCode = 2;
  }
}
