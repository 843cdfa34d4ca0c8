// `report-lint.*` settings as the server receives them, validated: a bad value is reported and replaced by its default.
import type { Severity } from './analysis/types';

export interface Settings {
  /** Profile id, or 'auto' to detect it from the title. */
  profile: string;
  /** Report year override, or null to detect it. */
  year: number | null;
  /** Per-rule severity or 'off'. */
  severity: Record<string, Severity | 'off'>;
  /** Check as you type, or only when the file is saved. */
  run: 'onType' | 'onSave';
}

export const DEFAULT_SETTINGS: Settings = { profile: 'auto', year: null, severity: {}, run: 'onType' };

const LEVELS = new Set(['error', 'warning', 'info', 'off']);

export function readSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  const s: Settings = { ...DEFAULT_SETTINGS, severity: {} };
  if (raw === null || raw === undefined) return { settings: s, problems };
  if (typeof raw !== 'object') return { settings: s, problems: ['report-lint: 设置应为对象 (settings must be an object)'] };
  const r = raw as Record<string, unknown>;
  if (r.profile !== undefined && r.profile !== null) {
    if (typeof r.profile === 'string' && r.profile.trim()) s.profile = r.profile.trim();
    else problems.push(`report-lint.profile: 应为报告类型标识或 "auto"，收到 ${JSON.stringify(r.profile)} (expected a profile id or "auto")`);
  }
  if (r.year !== undefined && r.year !== null && r.year !== 0 && r.year !== '') {
    const y = typeof r.year === 'string' ? Number(r.year) : r.year;
    if (typeof y === 'number' && Number.isInteger(y) && y >= 1990 && y <= 2100) s.year = y;
    else problems.push(`report-lint.year: 应为 1990–2100 之间的年份，收到 ${JSON.stringify(r.year)} (expected a year)`);
  }
  if (r.severity !== undefined && r.severity !== null) {
    if (typeof r.severity !== 'object' || Array.isArray(r.severity)) {
      problems.push(`report-lint.severity: 应为 {"检查id": "error|warning|info|off"} 对象 (expected an object)`);
    } else {
      for (const [k, v] of Object.entries(r.severity as Record<string, unknown>)) {
        if (typeof v === 'string' && LEVELS.has(v)) s.severity[k] = v as Severity | 'off';
        else problems.push(`report-lint.severity.${k}: 应为 error、warning、info 或 off，收到 ${JSON.stringify(v)} (expected error|warning|info|off)`);
      }
    }
  }
  if (r.run !== undefined && r.run !== null) {
    if (r.run === 'onType' || r.run === 'onSave') s.run = r.run;
    else problems.push(`report-lint.run: 应为 "onType" 或 "onSave"，收到 ${JSON.stringify(r.run)}`);
  }
  return { settings: s, problems };
}
