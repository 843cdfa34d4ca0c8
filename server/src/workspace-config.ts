// Workspace configuration files, read by the CLI and the server alike. Files cannot run code: JSON only,
// validated; a malformed file is reported with its name and the built-in data keeps working.
import { parseProfilesFile, type Profile } from './analysis/profile';

export const PROFILES_FILE = '.report-lint/profiles.json';

export interface WorkspaceConfig {
  profiles: Profile[];
  errors: string[];
}

export function loadWorkspaceConfig(read: (relPath: string) => string | undefined, label: (relPath: string) => string): WorkspaceConfig {
  const cfg: WorkspaceConfig = { profiles: [], errors: [] };
  const text = read(PROFILES_FILE);
  if (text !== undefined) {
    const r = parseProfilesFile(text, label(PROFILES_FILE));
    cfg.profiles = r.profiles;
    cfg.errors.push(...r.errors);
  }
  return cfg;
}
