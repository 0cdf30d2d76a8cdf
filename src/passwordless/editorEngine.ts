/**
 * Everything the editor adapters use from the passwordless engine and the rewrites, in one pure module. The build
 * writes it to dist/assets/passwordless.js and turns `import('../editorEngine')` into a require of that file, so
 * activation parses none of the scanner, the tree-sitter runtime, the rules or the rewriters: the first document
 * with something to scan loads them (in the extension, vscode/engineLoader.ts is the only importer).
 */
import { hasCandidates, languageOf, scanDocument, scanDocumentSync } from './engine';
import { isCodeLanguage } from './languages';
import type { Finding, ScanOptions } from './types';

export { preloadGrammars } from './engine';
export { setWasmDirectory } from './scanner/grammars';
export { editorSeverities } from './vscode/severity';
export { explainFinding, explainFindingText } from './vscode/explanation';
export { GitignoreFilter } from './vscode/gitignoreFilter';
export { applyEdits, fixesFor, fixFile } from './rewrites/index';
export { dependencyEdit, nearestManifest } from './rewrites/dependencies/index';

/** Scans one document's text with the same code path the editor uses (the bench times this function). */
export async function scanText(text: string, fileName: string, languageId: string | undefined, options: ScanOptions): Promise<Finding[]> {
  const language = languageOf(fileName, languageId);
  if (!language) return [];
  // Config files report secret-bearing setting names even without an anchor literal.
  if (isCodeLanguage(language) && !hasCandidates(text, language)) return [];
  const input = { text, fileName, languageId };
  return scanDocumentSync(input, options) ?? (await scanDocument(input, options));
}
