// End-to-end tests in a real VS Code: code-server (VS Code 1.100 for the browser, with a Node extension host) driven
// by playwright-core and Debian's chromium, offline. See /work/shared/docs/e2e.md for the recipe.
//
//   npm run test:e2e          (= bash scripts/e2e-setup.sh && npm run package && node test/e2e/run.mjs)
//
// 1. Installs the packaged report-lint-<version>.vsix into a fresh extensions dir, copies seeds/*.md into a temp
//    workspace and starts code-server on a free loopback port in its own process group.
// 2. Opens the workbench with extensionDevelopmentPath = test/e2e/suite (a stub extension that contributes nothing)
//    and extensionTestsPath = test/e2e/suite/index.js: the mocha suite runs inside the extension host against the
//    INSTALLED extension, and its exit code comes back through window.codeAutomationExit.
// 3. A UI-level check in a fresh window: Ctrl+P to a seed, squiggles, the Problems panel, a screenshot.
//
// Environment: REPORT_LINT_E2E_TIMEOUT_MS (default 480000), REPORT_LINT_E2E_KEEP=1 keeps the temp dir,
// REPORT_LINT_E2E_VERBOSE=1 echoes the browser console, REPORT_LINT_E2E_VSIX=path tests another .vsix.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SUITE_DIR = join(ROOT, 'test', 'e2e', 'suite');
const CODE_SERVER = join(ROOT, '.e2e', 'code-server', 'node_modules', '.bin', 'code-server');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// The README's picture is refreshed only on request (REPORT_LINT_UPDATE_SCREENSHOT=1); otherwise it goes to .e2e/.
const SCREENSHOT = process.env.REPORT_LINT_UPDATE_SCREENSHOT === '1' ? join(ROOT, 'images', 'e2e-screenshot.png') : join(ROOT, '.e2e', 'e2e-screenshot.png');
const UI_SEED = '001-jialing-2021.md';
// The Word draft the suite opens (written into the workspace's word/ folder).
const WORD_REPORT = '某县2022年度法治政府建设情况报告.docx';
const TIMEOUT_MS = Number(process.env.REPORT_LINT_E2E_TIMEOUT_MS || 8 * 60_000);
const VERBOSE = process.env.REPORT_LINT_E2E_VERBOSE === '1';

const started = Date.now();
let phase = 'setup';
let server; // the code-server child process (leader of its own process group)
let browser;
let tmp;
let suiteLog;
let uiResult; // true / false once the UI check has run
const serverLog = [];
const consoleLog = [];

function say(text) {
  process.stdout.write(`${text}\n`);
}
function step(name) {
  phase = name;
  say(`\n== ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

/** Resolves once `probe()` is truthy; rejects after `ms` with `what` (for things without a change event). */
async function until(probe, what, ms, interval = 250) {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch {
      // not yet
    }
    if (Date.now() >= deadline) throw new Error(`timed out after ${ms / 1000} s: ${what}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolvePort(port));
    });
  });
}

function isolatedEnv(extra = {}) {
  // code-server writes a default config into $XDG_CONFIG_HOME, logs into $XDG_DATA_HOME and a device id into
  // $XDG_CACHE_HOME; chromium writes crash-report settings and dconf files there too. Keep all of it in the temp dir.
  return {
    ...process.env,
    XDG_CONFIG_HOME: join(tmp, 'xdg-config'),
    XDG_DATA_HOME: join(tmp, 'xdg-data'),
    XDG_CACHE_HOME: join(tmp, 'xdg-cache'),
    CODE_SERVER_CONFIG: join(tmp, 'code-server.yaml'),
    ...extra,
  };
}

async function stopServer() {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const group = -server.pid;
  const exited = new Promise((r) => server.once('exit', r));
  try {
    process.kill(group, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(group, 'SIGKILL');
    } catch {
      // already gone
    }
  }, 5000);
  await exited;
  clearTimeout(timer);
  // Children (extension host, language server, file watcher) can outlive the leader: clear the whole group.
  try {
    process.kill(group, 'SIGKILL');
  } catch {
    // group already empty
  }
}

async function cleanup() {
  if (browser) await browser.close().catch(() => {});
  browser = undefined;
  await stopServer();
  if (tmp && process.env.REPORT_LINT_E2E_KEEP !== '1') rmSync(tmp, { recursive: true, force: true });
  else if (tmp) say(`(kept ${tmp})`);
}

/** Browser console errors, without the noise of an offline workbench (gallery lookups, missing web assets). */
function consoleErrors() {
  return consoleLog.filter(
    (l) => /^\[\w+:(error|pageerror)\]/.test(l) && !/ENOTFOUND|ERR_NAME_NOT_RESOLVED|status of 404|during shutdown/.test(l),
  );
}

function printTail(title, lines, n = 40) {
  if (lines.length === 0) return;
  say(`--- ${title} (last ${Math.min(n, lines.length)} lines)`);
  for (const line of lines.slice(-n)) say(line);
}

/** Streams the suite's log file to stdout as it grows. */
function followSuiteLog(file) {
  let printed = 0;
  const flush = () => {
    if (!existsSync(file)) return;
    const text = readFileSync(file, 'utf8');
    if (text.length > printed) {
      process.stdout.write(text.slice(printed).replace(/^(?=.)/gm, '  '));
      printed = text.length;
    }
  };
  const timer = setInterval(flush, 200);
  return () => {
    clearInterval(timer);
    flush();
  };
}

/**
 * A Word draft for the suite, made with the `docx` library: headings by Word's automatic Chinese numbering (no typed
 * 一、), a rate that disagrees with its counts, and no part on the first responsible person's duties.
 */
async function writeWordReport(file) {
  const { Document, Packer, Paragraph, TextRun, LevelFormat, LevelSuffix, AlignmentType } = await import('docx');
  const numbered = (text, level) => new Paragraph({ text, numbering: { reference: 'outline', level } });
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'outline',
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', start: 1, suffix: LevelSuffix.NOTHING },
            { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', start: 1, suffix: LevelSuffix.NOTHING },
          ],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun('某县人民政府关于2022年度法治政府建设情况的报告')], alignment: AlignmentType.CENTER }),
          numbered('2022年度推进法治政府建设的主要举措和成效', 0),
          numbered('加强行政复议工作', 1),
          new Paragraph('全年受理行政复议案件437件，办结434件，办结率97.3%。'),
          numbered('推进严格规范公正文明执法', 1),
          new Paragraph('全年开展行政执法检查12次。'),
          numbered('存在的不足和原因', 0),
          new Paragraph('基层执法力量仍然薄弱。'),
          numbered('2023年度推进法治政府建设的主要安排', 0),
          new Paragraph('继续深化行政执法体制改革。'),
        ],
      },
    ],
  });
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, await Packer.toBuffer(doc));
}

async function main() {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const vsix = process.env.REPORT_LINT_E2E_VSIX
    ? resolve(process.env.REPORT_LINT_E2E_VSIX)
    : join(ROOT, `${pkg.name}-${pkg.version}.vsix`);
  if (!existsSync(CODE_SERVER)) throw new Error(`code-server is not installed; run: bash scripts/e2e-setup.sh`);
  if (!existsSync(vsix)) throw new Error(`${vsix} not found; run: npm run package`);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found; run: bash scripts/e2e-setup.sh`);

  step('prepare a user-data dir, an extensions dir and a workspace');
  tmp = mkdtempSync(join(tmpdir(), 'report-lint-e2e-'));
  const userData = join(tmp, 'user-data');
  const extensions = join(tmp, 'extensions');
  const workspace = join(tmp, 'workspace');
  suiteLog = join(tmp, 'suite.log');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(extensions, { recursive: true });
  mkdirSync(join(workspace, 'seeds'), { recursive: true });
  writeFileSync(
    join(userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'security.workspace.trust.enabled': false,
        'files.hotExit': 'off',
        'git.enabled': false,
        'window.restoreWindows': 'none',
      },
      null,
      2,
    ),
  );
  for (const f of readdirSync(join(ROOT, 'seeds')).filter((f) => f.endsWith('.md'))) {
    cpSync(join(ROOT, 'seeds', f), join(workspace, 'seeds', f));
  }
  await writeWordReport(join(workspace, 'word', WORD_REPORT));
  say(`temp dir ${tmp}`);

  step(`install ${vsix.startsWith(ROOT) ? vsix.slice(ROOT.length + 1) : vsix}`);
  const install = spawnSync(
    CODE_SERVER,
    ['--user-data-dir', userData, '--extensions-dir', extensions, '--install-extension', vsix],
    { encoding: 'utf8', env: isolatedEnv(), timeout: 120_000 },
  );
  say((install.stdout + install.stderr).trim());
  if (install.status !== 0) throw new Error(`code-server --install-extension failed (exit ${install.status})`);
  const installed = readdirSync(extensions).filter((d) => d.startsWith(`${pkg.publisher}.${pkg.name}-`));
  if (installed.length === 0) throw new Error(`the extension did not land in ${extensions}`);

  step('start code-server');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // detached: the child calls setsid(2), so it leads a new process group that we can kill as a whole.
  server = spawn(
    CODE_SERVER,
    [
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--user-data-dir', userData,
      '--extensions-dir', extensions,
      workspace,
    ],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: isolatedEnv({ REPORT_LINT_E2E_LOG: suiteLog }) },
  );
  for (const stream of [server.stdout, server.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => serverLog.push(...chunk.split('\n').filter(Boolean)));
  }
  let serverGone;
  server.once('exit', (code, signal) => (serverGone = `code ${code}, signal ${signal}`));
  await until(async () => serverGone || (await fetch(`${base}/healthz`)).ok, `${base}/healthz`, 60_000);
  if (serverGone) throw new Error(`code-server exited before it was ready (${serverGone})`);
  say(`code-server is up on ${base}`);

  step('launch chromium');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    env: isolatedEnv(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });

  // ---- the mocha suite inside the extension host -------------------------------------------------------------
  step('run the mocha suite inside the extension host (test/e2e/suite)');
  const page = await context.newPage();
  watchConsole(page, 'suite');
  let reportExit;
  let suiteExited = false;
  const exitCode = new Promise((r) => (reportExit = r));
  await page.exposeFunction('codeAutomationExit', (code, logs) => {
    // logs: the window's log files ({ relativePath, contents }), kept for a failed run.
    for (const entry of Array.isArray(logs) ? logs : []) {
      const file = join(tmp, 'window-logs', String(entry.relativePath).replace(/\.\.+/g, '_'));
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, String(entry.contents ?? ''));
    }
    suiteExited = true;
    reportExit(Number(code));
  });
  const remote = (path) => `vscode-remote://127.0.0.1:${port}${path}`;
  const payload = [
    ['extensionDevelopmentPath', remote(SUITE_DIR)],
    ['extensionTestsPath', remote(join(SUITE_DIR, 'index.js'))],
  ];
  const stopFollowing = followSuiteLog(suiteLog);
  await page.goto(`${base}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  await until(() => suiteExited || existsSync(suiteLog), 'the suite to start inside the extension host', 120_000);
  const suiteCode = await exitCode;
  stopFollowing();
  say(`suite exit code ${suiteCode}`);
  if (suiteCode !== 0) printTail('browser console errors', consoleErrors(), 20);
  await page.close();

  // ---- what a person sees: squiggles, the Problems panel, a screenshot --------------------------------------
  step('UI: open a seed with Ctrl+P, squiggles, Problems panel, screenshot');
  try {
    // The picture is for Chinese users: messages in Chinese whatever code-server's display language.
    const settingsPath = join(userData, 'User', 'settings.json');
    const settings = JSON.parse(readFileSync(settingsPath, 'utf8'));
    writeFileSync(settingsPath, JSON.stringify({ ...settings, 'report-lint.locale': 'zh' }, null, 2));
    await uiCheck(context, `${base}/?folder=${encodeURIComponent(workspace)}`);
    uiResult = true;
    say(`  ✓ ui: squiggles and Problems panel on ${UI_SEED}; screenshot ${SCREENSHOT.slice(ROOT.length + 1)}`);
  } catch (err) {
    uiResult = false;
    say(`  ✗ ui: squiggles and Problems panel on ${UI_SEED}\n    ${String(err.message || err).replace(/\n/g, '\n    ')}`);
    printTail('browser console errors', consoleErrors(), 20);
  }

  const { passed, failed } = tally();
  return { passed, failed, ok: suiteCode === 0 && uiResult && failed === 0 };
}

/** Passed and failed tests so far: the suite's own summary (or its ✓/✗ lines if it did not finish) and the UI check. */
function tally(extraFailure = false) {
  const text = suiteLog && existsSync(suiteLog) ? readFileSync(suiteLog, 'utf8') : '';
  const summary = [...text.matchAll(/^(\d+) passed, (\d+) failed/gm)].pop();
  let passed = summary ? Number(summary[1]) : (text.match(/^\s*✓ /gm) || []).length;
  let failed = summary ? Number(summary[2]) : (text.match(/^\s*✗ /gm) || []).length;
  if (!summary && !extraFailure) failed++; // the suite stopped before reporting
  if (uiResult === true) passed++;
  if (uiResult === false) failed++;
  if (extraFailure) failed++;
  return { passed, failed };
}

function watchConsole(page, label) {
  page.on('console', (msg) => {
    const line = `[${label}:${msg.type()}] ${msg.text()}`;
    consoleLog.push(line);
    if (VERBOSE) say(line);
  });
  page.on('pageerror', (err) => consoleLog.push(`[${label}:pageerror] ${err.message}`));
}

async function uiCheck(context, url) {
  const page = await context.newPage();
  watchConsole(page, 'ui');
  try {
    await page.goto(url);
    await page.waitForSelector('.monaco-workbench .part.editor', { timeout: 60_000 });

    // Quick Open: the keybinding exists only once the workbench has restored, so press again until it shows.
    const quickInput = page.locator('.quick-input-widget input').first();
    await until(
      async () => {
        await page.keyboard.press('Control+P');
        await quickInput.waitFor({ state: 'visible', timeout: 2000 });
        return true;
      },
      'the Quick Open box (Ctrl+P)',
      60_000,
      0,
    );
    await quickInput.fill(UI_SEED);
    // Click the matching row: Enter could accept a stale history entry while the file search is still running.
    const row = page.locator(`.quick-input-widget .monaco-list-row[aria-label*="${UI_SEED}"]`).first();
    await row.waitFor({ state: 'visible', timeout: 30_000 });
    await row.click();
    await page.locator(`.tab[aria-label*="${UI_SEED}"]`).first().waitFor({ timeout: 30_000 });

    await page
      .locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error, .monaco-editor .squiggly-info')
      .first()
      .waitFor({ state: 'attached', timeout: 90_000 });

    await page.keyboard.press('Control+Shift+M');
    const rows = page.locator('.markers-panel .monaco-list-row');
    await rows.first().waitFor({ state: 'visible', timeout: 30_000 });
    const texts = await rows.allInnerTexts();
    say(`    Problems panel: ${texts.length} rows visible, e.g. ${texts.slice(0, 3).map((t) => t.replace(/\s+/g, ' ').slice(0, 80)).join(' | ')}`);

    // The 报告结构 view: expand it and wait for the checklist.
    const header = page.locator('.pane-header[aria-label*="报告结构"], .pane-header[aria-label*="Report structure" i]').first();
    await header.waitFor({ state: 'visible', timeout: 30_000 });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    await page.locator('.monaco-list-row[aria-label*="必备部分"], .monaco-list-row[aria-label*="Mandatory parts"]').first().waitFor({ state: 'visible', timeout: 30_000 });
    // Room for the view in the picture: fold the file tree.
    const files = page.locator('.pane-header[aria-label^="Explorer Section" i]').first();
    if ((await files.count()) && (await files.getAttribute('aria-expanded')) === 'true') await files.click();
    await page.locator('.monaco-list-row[aria-label*="第一责任人"]').first().waitFor({ state: 'visible', timeout: 30_000 });

    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
  } finally {
    await page.close();
  }
}

const deadline = setTimeout(async () => {
  say(`\ne2e: TIMED OUT after ${TIMEOUT_MS / 1000} s during: ${phase}`);
  printTail('code-server output', serverLog);
  printTail('browser console errors', consoleErrors(), 20);
  const { passed, failed } = tally(true);
  await cleanup().catch(() => {});
  say(`${passed} passed, ${failed} failed`);
  process.exit(1);
}, TIMEOUT_MS);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await cleanup().catch(() => {});
    process.exit(130);
  });
}

let exitStatus = 1;
try {
  const { passed, failed, ok } = await main();
  say(`\ne2e finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  say(`${passed} passed, ${failed} failed`);
  exitStatus = ok ? 0 : 1;
} catch (err) {
  say(`\ne2e: FAILED during: ${phase}\n${err && err.stack ? err.stack : err}`);
  printTail('code-server output', serverLog);
  printTail('browser console errors', consoleErrors(), 20);
  const { passed, failed } = tally(true);
  say(`${passed} passed, ${failed} failed`);
} finally {
  clearTimeout(deadline);
  await cleanup().catch(() => {});
}
process.exit(exitStatus);
