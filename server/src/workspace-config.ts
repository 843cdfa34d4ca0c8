// Workspace configuration files, read by the CLI and the server alike. Files cannot run code: JSON only,
// validated; a malformed file is reported with its name and the built-in data keeps working.
import { parseProfilesFile, type Profile } from './analysis/profile';
import { loadNamesFile, withWorkspaceNames, type NamesData } from './analysis/names';

const PROFILES_FILE = '.report-lint/profiles.json';
const NAMES_FILE = '.report-lint/names.json';

export interface WorkspaceConfig {
  profiles: Profile[];
  /** Built-in names plus the workspace's entries (undefined: built-in only). */
  names?: NamesData;
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
  const names = read(NAMES_FILE);
  if (names !== undefined) {
    const r = loadNamesFile(names, label(NAMES_FILE));
    if (r.entries.length || r.allow.length) cfg.names = withWorkspaceNames(r.entries, r.allow);
    cfg.errors.push(...r.errors);
  }
  return cfg;
}
