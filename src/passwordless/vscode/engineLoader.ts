/**
 * The one way editor adapters reach the passwordless engine: loaded on first use, once. Everything else in
 * src/passwordless/vscode imports engine modules only as types, so activation stays thin (see scripts/build.mjs).
 */
import type * as EditorEngine from '../editorEngine';

export type PasswordlessEngine = typeof EditorEngine;

let wasmDirectory: string | undefined;
let loading: Promise<PasswordlessEngine> | undefined;

/** Where the engine finds its .wasm files (the extension's dist/assets); applied when the engine loads. */
export function configureEngine(wasmDir: string): void {
  wasmDirectory = wasmDir;
}

export function loadEngine(): Promise<PasswordlessEngine> {
  loading ??= import('../editorEngine').then(
    (engine) => {
      if (wasmDirectory) engine.setWasmDirectory(wasmDirectory);
      return engine;
    },
    (error: unknown) => {
      // A failed load (a missing asset) is not cached: the next document tries again.
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
