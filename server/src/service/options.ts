// Analysis options from the editor's settings and the workspace configuration.
import type { AnalyseOptions } from '../analysis';
import type { Locale } from '../analysis/types';
import type { Settings } from '../settings';
import type { WorkspaceConfig } from '../workspace-config';

export function analysisOptions(settings: Settings, config: WorkspaceConfig, locale: Locale): AnalyseOptions {
  return {
    locale,
    year: settings.year ?? undefined,
    profile: settings.profile === 'auto' ? undefined : settings.profile,
    extraProfiles: config.profiles,
    names: config.names,
    severities: settings.severity,
  };
}
