// Server-side messages that are not findings (notifications, code-action titles), in both UI languages.
export const messages = {
  configError: { zh: 'report-lint 配置有误，已改用内置配置：{problem}', en: 'report-lint configuration problem, using built-in defaults: {problem}' },
  settingError: { zh: 'report-lint 设置有误，已使用默认值：{problem}', en: 'report-lint setting problem, using the default: {problem}' },
  unknownProfile: {
    zh: 'report-lint.profile 设置为未知的报告类型“{profile}”，已按标题自动识别。可用：{known}',
    en: 'report-lint.profile names an unknown profile "{profile}"; detecting it from the title instead. Known: {known}',
  },
  fixAll: { zh: '修复所有可自动修复的问题 (report-lint)', en: 'Fix all auto-fixable problems (report-lint)' },
  ignoreHere: { zh: '在此处忽略此检查（{rule}）', en: 'Ignore this check here ({rule})' },
} as const;
