// Entry point of the end-to-end suite, loaded inside the extension host through `extensionTestsPath`. It follows the
// contract of @vscode/test-electron: export `run(): Promise<void>`, resolve when every test passed, reject otherwise.
// The same file serves code-server (test/e2e/run.mjs) and desktop VS Code (test/e2e/electron.mjs).
//
// Output: a line per test, written to the file named by REPORT_LINT_E2E_LOG (the runner prints it) and to the
// extension host's console, ending with "N passed, N failed".
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const Mocha = require('mocha');
const { setLog } = require('./helpers');

const {
  EVENT_RUN_BEGIN,
  EVENT_RUN_END,
  EVENT_SUITE_BEGIN,
  EVENT_TEST_FAIL,
  EVENT_TEST_PASS,
  EVENT_TEST_PENDING,
} = Mocha.Runner.constants;

function createLog() {
  const file = process.env.REPORT_LINT_E2E_LOG;
  return (text) => {
    for (const line of String(text).split('\n')) console.log(`[report-lint e2e] ${line}`);
    if (file) fs.appendFileSync(file, `${text}\n`);
  };
}

/** A reporter that writes through `log` instead of process.stdout, which the extension host does not show. */
function createReporter(log) {
  return class LogReporter extends Mocha.reporters.Base {
    constructor(runner, options) {
      super(runner, options);
      let depth = 0;
      const indent = () => '  '.repeat(Math.max(depth, 0));
      runner.on(EVENT_RUN_BEGIN, () => {
        const vscode = require('vscode');
        log(`running the e2e suite in VS Code ${vscode.version} (display language ${vscode.env.language})`);
      });
      runner.on(EVENT_SUITE_BEGIN, (suite) => {
        if (suite.root) return;
        log(`${indent()}${suite.title}`);
        depth++;
      });
      runner.on('suite end', (suite) => {
        if (!suite.root) depth--;
      });
      runner.on(EVENT_TEST_PASS, (test) => log(`${indent()}✓ ${test.title} (${test.duration} ms)`));
      runner.on(EVENT_TEST_PENDING, (test) => log(`${indent()}- ${test.title} (pending)`));
      runner.on(EVENT_TEST_FAIL, (test, err) => {
        log(`${indent()}✗ ${test.title}`);
        const detail = (err && (err.stack || err.message)) || String(err);
        log(detail.split('\n').map((l) => `${indent()}    ${l}`).join('\n'));
      });
      runner.once(EVENT_RUN_END, () => {
        const { passes = 0, failures = 0, pending = 0 } = this.stats;
        log(`${passes} passed, ${failures} failed${pending ? `, ${pending} pending` : ''}`);
      });
    }
  };
}

function run() {
  const log = createLog();
  setLog(log);
  const mocha = new Mocha({ ui: 'tdd', timeout: 90_000, color: false, reporter: createReporter(log) });
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} e2e test(s) failed`)) : resolve()));
    } catch (err) {
      log(`the e2e suite could not run: ${(err && err.stack) || err}`);
      reject(err);
    }
  });
}

module.exports = { run };
