// The same end-to-end suite (test/e2e/suite) in desktop VS Code through @vscode/test-electron, for machines that can
// download VS Code (this one and CI cannot: they use test/e2e/run.mjs with code-server). Not run in CI.
//
//   npm run package && node test/e2e/electron.mjs        (VSCODE_VERSION=1.100.3 to pin; default: stable)
//
// As in run.mjs, the packaged .vsix is installed into a fresh extensions dir and the suite runs against that
// installed copy; the extension development path is the stub extension in test/e2e/suite, so no second copy loads.
// The suite's lines (ending with "N passed, N failed") come through the extension host's console.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests } from '@vscode/test-electron';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SUITE_DIR = join(ROOT, 'test', 'e2e', 'suite');

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const vsix = join(ROOT, `${pkg.name}-${pkg.version}.vsix`);
if (!existsSync(vsix)) {
  console.error(`${vsix} not found; run: npm run package`);
  process.exit(1);
}

const tmp = mkdtempSync(join(tmpdir(), 'report-lint-e2e-electron-'));
const userData = join(tmp, 'user-data');
const extensions = join(tmp, 'extensions');
const workspace = join(tmp, 'workspace');
mkdirSync(join(workspace, 'seeds'), { recursive: true });
mkdirSync(join(userData, 'User'), { recursive: true });
writeFileSync(
  join(userData, 'User', 'settings.json'),
  JSON.stringify({ 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'update.mode': 'none' }),
);
for (const f of readdirSync(join(ROOT, 'seeds')).filter((f) => f.endsWith('.md'))) {
  cpSync(join(ROOT, 'seeds', f), join(workspace, 'seeds', f));
}
const profile = [`--user-data-dir=${userData}`, `--extensions-dir=${extensions}`];

let status = 1;
try {
  const vscodeExecutablePath = await downloadAndUnzipVSCode(process.env.VSCODE_VERSION || 'stable');
  const [cli, ...cliArgs] = resolveCliArgsFromVSCodeExecutablePath(vscodeExecutablePath, { reuseMachineInstall: true });
  const install = spawnSync(cli, [...cliArgs, ...profile, '--install-extension', vsix], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (install.status !== 0) throw new Error(`installing ${vsix} failed (exit ${install.status})`);

  await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: SUITE_DIR,
    extensionTestsPath: join(SUITE_DIR, 'index.js'),
    launchArgs: [workspace, ...profile, '--disable-telemetry'],
  });
  status = 0;
} catch (err) {
  console.error(err && err.message ? err.message : err);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
process.exit(status);
