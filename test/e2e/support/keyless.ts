// Reaching Keyless from extension-host tests. The extension's own instances are private to it, so tests that need
// a provider build one from the same source classes over the real `vscode` API (see tree.subscriptions.test.ts).
import * as vscode from 'vscode';

export const EXTENSION_ID = 'keyless.keyless';

export async function activateKeyless(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded in this extension host`);
  await extension.activate();
  return extension;
}

/** A Memento kept in memory: a fresh, signed-in-by-default state per test (no globalState shared with the extension). */
export class MemoryMemento implements vscode.Memento {
  private readonly values = new Map<string, unknown>();
  keys(): readonly string[] {
    return [...this.values.keys()];
  }
  get<T>(key: string, defaultValue?: T): T | undefined {
    return this.values.has(key) ? (this.values.get(key) as T) : defaultValue;
  }
  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, value);
  }
}

/** A tree item's label as text. */
export function labelOf(item: vscode.TreeItem): string {
  const label = item.label;
  return typeof label === 'string' ? label : (label?.label ?? '');
}
