/** Which language a file is, and which grammar and rule language that implies. */
import type { GrammarId } from './scanner/grammars';
import type { CodeLanguage, ConfigLanguage, LanguageId, RuleLanguage } from './types';

const byExtension: Record<string, CodeLanguage> = {
  '.ts': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.tsx': 'typescriptreact',
  '.js': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.jsx': 'javascriptreact',
  '.py': 'python',
  '.cs': 'csharp',
  '.java': 'java',
  '.go': 'go',
};

const editorIds: Record<string, LanguageId> = {
  typescript: 'typescript',
  typescriptreact: 'typescriptreact',
  javascript: 'javascript',
  javascriptreact: 'javascriptreact',
  python: 'python',
  csharp: 'csharp',
  java: 'java',
  go: 'go',
  dotenv: 'dotenv',
  properties: 'properties',
  'java-properties': 'properties',
  'spring-boot-properties': 'properties',
  'spring-boot-properties-yaml': 'yaml',
};

const grammarOf: Record<CodeLanguage, GrammarId> = {
  typescript: 'typescript',
  typescriptreact: 'tsx',
  javascript: 'javascript',
  javascriptreact: 'javascript',
  python: 'python',
  csharp: 'csharp',
  java: 'java',
  go: 'go',
};

export const codeLanguages = Object.keys(grammarOf) as CodeLanguage[];
export const configLanguages: ConfigLanguage[] = ['dotenv', 'appsettings', 'localsettings', 'properties', 'yaml'];

function baseName(fileName: string): string {
  const slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
  return fileName.slice(slash + 1);
}

/** Configuration files are known by name; the editor's language id ('json', 'yaml') is too broad for them. */
function configLanguageOf(name: string): ConfigLanguage | undefined {
  const lower = name.toLowerCase();
  if (lower === '.env' || lower.startsWith('.env.') || lower.endsWith('.env')) return 'dotenv';
  if (lower === 'local.settings.json') return 'localsettings';
  if (lower.startsWith('appsettings') && lower.endsWith('.json')) return 'appsettings';
  if (lower.startsWith('application') && lower.endsWith('.properties')) return 'properties';
  if (lower.startsWith('application') && (lower.endsWith('.yml') || lower.endsWith('.yaml'))) return 'yaml';
  return undefined;
}

/** The language of a document: its file name decides for config files, then the editor's id, then the extension. */
export function languageOf(fileName: string, languageId?: string): LanguageId | undefined {
  const name = baseName(fileName);
  const config = configLanguageOf(name);
  if (config) return config;
  if (languageId && editorIds[languageId]) return editorIds[languageId];
  const dot = name.lastIndexOf('.');
  return dot > 0 ? byExtension[name.slice(dot).toLowerCase()] : undefined;
}

export function isCodeLanguage(language: LanguageId): language is CodeLanguage {
  return language in grammarOf;
}

export function grammarFor(language: CodeLanguage): GrammarId {
  return grammarOf[language];
}

/** The language a rule must claim to run on this document. */
export function ruleLanguageOf(language: LanguageId): RuleLanguage {
  if (language === 'typescriptreact') return 'typescript';
  if (language === 'javascriptreact') return 'javascript';
  return language;
}
