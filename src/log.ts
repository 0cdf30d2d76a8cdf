import * as vscode from 'vscode';
import { redactSecrets } from './core/redact';

/** The extension's one log, over a LogOutputChannel; every line passes through redaction. */
export interface Log {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
  show(): void;
}

function errorText(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

export function createLog(name = 'Keyless'): Log & vscode.Disposable {
  const channel = vscode.window.createOutputChannel(name, { log: true });
  const clean = (message: string) => redactSecrets(message);
  return {
    trace: (m) => channel.trace(clean(m)),
    debug: (m) => channel.debug(clean(m)),
    info: (m) => channel.info(clean(m)),
    warn: (m) => channel.warn(clean(m)),
    error: (m, error) => channel.error(clean(error === undefined ? m : `${m}: ${errorText(error)}`)),
    show: () => channel.show(true),
    dispose: () => channel.dispose(),
  };
}
