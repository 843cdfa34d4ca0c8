// A minimal LSP client over stdio for tests and the benchmark: starts dist/server.js and speaks JSON-RPC.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export interface LspSession {
  conn: MessageConnection;
  proc: ChildProcess;
  request<T = unknown>(method: string, params: unknown): Promise<T>;
  notify(method: string, params: unknown): void;
  close(): Promise<void>;
}

export async function startServer(options: { locale?: string; settings?: Record<string, unknown>; rootUri?: string | null; initializationOptions?: unknown } = {}): Promise<LspSession> {
  const serverJs = join(__dirname, '..', 'dist', 'server.js');
  const proc = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  proc.stdin!.on('error', () => undefined);
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => options.settings ?? {}));
  conn.onRequest('workspace/diagnostic/refresh', () => null);
  conn.onRequest('client/registerCapability', () => null);
  conn.onNotification('window/showMessage', () => undefined);
  conn.onRequest('window/showMessageRequest', () => null);
  conn.onNotification('window/logMessage', () => undefined);
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: options.rootUri ?? null,
    initializationOptions: options.initializationOptions,
    locale: options.locale ?? 'zh-cn',
    capabilities: { workspace: { configuration: true }, textDocument: { diagnostic: {}, codeAction: {}, documentSymbol: { hierarchicalDocumentSymbolSupport: true } } },
  });
  conn.sendNotification('initialized', {});
  return {
    conn,
    proc,
    request: <T>(method: string, params: unknown) => conn.sendRequest(method, params) as Promise<T>,
    notify: (method: string, params: unknown) => void conn.sendNotification(method, params),
    close: async () => {
      const exited = new Promise<void>((resolve) => (proc.exitCode !== null ? resolve() : proc.once('exit', () => resolve())));
      try {
        await Promise.race([conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 1000))]);
        await conn.sendNotification('exit');
      } catch {
        /* already gone */
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
      conn.dispose();
      if (proc.exitCode === null) proc.kill();
    },
  };
}
