// Event-driven waiting for the e2e suite: diagnostics are awaited through onDidChangeDiagnostics, anything else by
// polling a predicate until a deadline. No fixed sleeps.
'use strict';

const vscode = require('vscode');

const SOURCE = 'report-lint';
const EXTENSION_ID = 'report-lint.report-lint';

let log = (text) => console.log(text);
/** Set by index.js so that tests can add notes (timings) to the suite's output. */
function setLog(fn) {
  log = fn;
}
function note(text) {
  log(`      · ${text}`);
}

/** The diagnostic code as a string, whether it is a plain value or `{ value, target }`. */
function codeOf(diagnostic) {
  const code = diagnostic.code;
  return code !== null && typeof code === 'object' ? String(code.value) : code === undefined ? undefined : String(code);
}

function ours(diagnostics) {
  return diagnostics.filter((d) => d.source === SOURCE);
}

function describeDiagnostics(diagnostics) {
  if (diagnostics.length === 0) return '(none)';
  return diagnostics
    .map((d) => `  [${d.source}/${codeOf(d)}] ${d.range.start.line}:${d.range.start.character} ${d.message}`)
    .join('\n');
}

/**
 * Resolves with the diagnostics of `uri` as soon as `predicate(diagnostics)` holds: checked now and on every
 * onDidChangeDiagnostics event for that URI. Rejects after `timeout` ms, listing the diagnostics seen last.
 */
function waitForDiagnostics(uri, predicate, what, timeout = 60_000) {
  const key = uri.toString();
  return new Promise((resolve, reject) => {
    let subscription;
    let timer;
    const finish = (fn, value) => {
      clearTimeout(timer);
      if (subscription) subscription.dispose();
      fn(value);
    };
    const check = () => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      let ok = false;
      try {
        ok = predicate(diagnostics);
      } catch (err) {
        finish(reject, err);
        return true;
      }
      if (ok) finish(resolve, diagnostics);
      return ok;
    };
    subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === key)) check();
    });
    timer = setTimeout(() => {
      const seen = describeDiagnostics(vscode.languages.getDiagnostics(uri));
      finish(reject, new Error(`timed out after ${timeout} ms waiting for ${what} on ${uri.path}; diagnostics:\n${seen}`));
    }, timeout);
    check();
  });
}

/**
 * Calls `probe()` until it returns a truthy value (which is resolved) or the deadline passes. `describe(last)` explains
 * the last probe result in the timeout error. For things that have no change event (providers becoming ready).
 */
async function pollUntil(probe, what, { timeout = 60_000, interval = 100, describe = (v) => JSON.stringify(v) } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await probe();
    if (last && (!Array.isArray(last) || last.length > 0)) return last;
    if (Date.now() >= deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}; last: ${describe(last)}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

function workspaceUri(...segments) {
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  if (!folder) throw new Error('the e2e suite needs a workspace folder (a copy of seeds/)');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

async function openSeed(name) {
  const uri = workspaceUri('seeds', name);
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  return { uri, document, editor };
}

async function extensionApi() {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not installed`);
  return extension.isActive ? extension.exports : extension.activate();
}

/** Reverts and closes the editor of `document` so later tests (and the UI check) see the file as on disk. */
async function revertAndClose(document) {
  await vscode.window.showTextDocument(document, { preview: false });
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

module.exports = {
  SOURCE,
  EXTENSION_ID,
  codeOf,
  ours,
  describeDiagnostics,
  waitForDiagnostics,
  pollUntil,
  workspaceUri,
  openSeed,
  extensionApi,
  revertAndClose,
  setLog,
  note,
};
