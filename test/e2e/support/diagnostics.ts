// Keyless diagnostics as extension-host tests wait for them: they arrive after the debounced (and, the first time,
// engine-loading) scan.
import * as vscode from 'vscode';

export function keylessDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Keyless');
}

/** Resolves once the Keyless diagnostics of `uri` satisfy `ready`. */
export async function diagnosticsWhen(uri: vscode.Uri, ready: (d: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  if (ready(keylessDiagnostics(uri))) return keylessDiagnostics(uri);
  return new Promise((resolve) => {
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString()) || !ready(keylessDiagnostics(uri))) return;
      listener.dispose();
      resolve(keylessDiagnostics(uri));
    });
  });
}
