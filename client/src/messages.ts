// Client-side UI strings in both languages; Chinese unless VS Code runs in English.
import * as vscode from 'vscode';
import { fillTemplate } from '../../server/src/analysis/text/template';

const messages = {
  serverName: { zh: '报告审校', en: 'Report Lint' },
  statusName: { zh: '报告审校', en: 'Report Lint' },
  statusTooltip: {
    zh: '报告类型：{profile}\n报告年度：{year}\n错误 {error} · 警告 {warning} · 提示 {info}\n点击查看报告结构',
    en: 'Profile: {profile}\nReport year: {year}\n{error} errors · {warning} warnings · {info} info\nClick to show the report structure',
  },
  unknownYear: { zh: '未识别', en: 'not detected' },
  checklist: { zh: '必备部分', en: 'Mandatory parts' },
  outline: { zh: '章节', en: 'Sections' },
  statePresent: { zh: '已有', en: 'present' },
  stateThematic: { zh: '已有（专题标题）', en: 'present (thematic headings)' },
  stateSubheading: { zh: '仅为下级标题', en: 'only a sub-heading' },
  stateSentence: { zh: '仅在句中提及', en: 'only mentioned in a sentence' },
  stateMissing: { zh: '缺少', en: 'missing' },
  optional: { zh: '（可选）', en: ' (optional)' },
  noReport: { zh: '打开一份报告草稿（Markdown 或 Word）以查看结构', en: 'Open a report draft (Markdown or Word) to see its structure' },
  checkingWorkspace: { zh: '报告审校：正在检查工作区', en: 'Report Lint: checking the workspace' },
  nothingToFix: { zh: '没有可自动修复的问题。', en: 'Nothing to fix automatically.' },
  skeletonYearPrompt: { zh: '报告年度（如 2024）', en: 'Report year (e.g. 2024)' },
  skeletonYearInvalid: { zh: '请输入四位年份', en: 'Enter a four-digit year' },
  noSuppressions: { zh: '工作区中没有忽略检查的注释。', en: 'No suppression comments in the workspace.' },
  suppressionsPlaceholder: { zh: '共 {n} 处忽略检查，选择一项跳转', en: '{n} suppressions; pick one to go there' },
  allRules: { zh: '全部检查', en: 'all checks' },
  reason: { zh: '原因', en: 'Reason' },
  noReason: { zh: '未写明原因', en: 'no reason given' },
  badFilesSetting: { zh: 'report-lint.files 应为文件模式数组，已使用默认值 ["**/*.md"]。', en: 'report-lint.files must be an array of glob patterns; using ["**/*.md"].' },
  docxReading: { zh: '正在读取 {name}……', en: 'Reading {name}…' },
  docxUnreadable: { zh: '无法读取：{error}', en: 'Cannot be read: {error}' },
  docxUnreadableHint: {
    zh: '其余文件照常检查。可在 Word 或 WPS 中另存为 .docx（不设密码）后再打开。',
    en: 'Other files are still checked. Save it as .docx (without a password) in Word or WPS, then open it again.',
  },
  docxNoneSelected: { zh: '请先选择一个 .docx 文件或打开其审校视图。', en: 'Select a .docx file or open its review view first.' },
  docxExists: { zh: '{name} 已存在。要用转换结果覆盖它吗？', en: '{name} already exists. Overwrite it with the converted text?' },
  docxOverwrite: { zh: '覆盖', en: 'Overwrite' },
  docxConverted: { zh: '已写入 {name}，可在其中编辑和修复。', en: 'Wrote {name}: edit and fix it there.' },
  listSeparator: { zh: '；', en: '; ' },
} as const;

export type MessageId = keyof typeof messages;

export function t(id: MessageId, args: Record<string, string> = {}): string {
  const v = vscode.workspace.getConfiguration('report-lint').get<string>('locale', 'auto');
  const lang = v === 'zh' || v === 'en' ? v : vscode.env.language.toLowerCase().startsWith('en') ? 'en' : 'zh';
  return fillTemplate(messages[id][lang], args);
}
