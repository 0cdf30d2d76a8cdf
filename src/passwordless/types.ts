import type { DataRole, ServiceId } from '../core/roles';

/** Languages with a tree-sitter grammar (VS Code language ids; the React variants share their base rules). */
export type CodeLanguage = 'typescript' | 'typescriptreact' | 'javascript' | 'javascriptreact' | 'python' | 'csharp' | 'java' | 'go';
/** Configuration files, recognised by file name. */
export type ConfigLanguage = 'dotenv' | 'appsettings' | 'localsettings' | 'properties' | 'yaml';
export type LanguageId = CodeLanguage | ConfigLanguage;
/** What a rule claims: React variants are covered by their base language. */
export type RuleLanguage = 'typescript' | 'javascript' | 'python' | 'csharp' | 'java' | 'go' | ConfigLanguage;

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based column in UTF-16 code units (what editors count). */
  column: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type TargetKind = 'account' | 'namespace' | 'vault' | 'endpoint' | 'store' | 'server';

export interface Target {
  kind: TargetKind;
  name: string;
}

export interface Finding {
  ruleId: string;
  service: ServiceId;
  language: LanguageId;
  severity: Severity;
  /** Never contains a secret: values are masked. */
  message: string;
  range: Range;
  /** Offsets into the scanned text (UTF-16), for editors that want them. */
  startOffset: number;
  endOffset: number;
  target?: Target;
  roles?: { read: DataRole[]; write: DataRole[] };
}

export interface ScanOptions {
  /** Languages to scan; all when absent. */
  enabledLanguages?: readonly LanguageId[];
  /** Per-rule severity, or 'off' to disable the rule. */
  severities?: Readonly<Record<string, Severity | 'off'>>;
  /** Globs (matched against the path given as fileName, with forward slashes) of files never scanned. */
  exclude?: readonly string[];
  /**
   * How much of a file with candidate calls is parsed: 'windows' (default) the statements around them in their
   * enclosing blocks, 'whole' the whole file. Findings are the same; 'whole' exists to check that, and to measure.
   */
  parse?: 'windows' | 'whole';
}

/** One document to scan: the editor passes its language id, the CLI only a file name. */
export interface ScanInput {
  text: string;
  fileName: string;
  languageId?: string;
}
