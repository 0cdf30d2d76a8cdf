/**
 * The shape of a rewrite: a finding in, a fix out — replacements in the scanned file's own offsets, so an editor
 * applies them as one undoable edit and the CLI splices them into the file. Pure data; no vscode.
 */
import type { Finding, LanguageId } from '../types';

/** One replacement in offsets (UTF-16) of the original text. The edits of one fix never overlap. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** 'default': DefaultAzureCredential. 'userAssigned': the same, told the identity's client ID from AZURE_CLIENT_ID. */
export type IdentityChoice = 'default' | 'userAssigned';

export interface RewriteOptions {
  identity: IdentityChoice;
}

/** A package the rewritten code needs, in its ecosystem's own naming. */
export interface PackageRef {
  ecosystem: 'npm' | 'pypi' | 'nuget' | 'maven' | 'go';
  /** '@azure/identity', 'azure-identity', 'Azure.Identity', 'com.azure:azure-identity', 'github.com/Azure/azure-sdk-for-go/sdk/azidentity'. */
  name: string;
  /** The version to add when the manifest lacks it (a current stable release). */
  version: string;
}

/** An environment setting the rewritten code (or config) reads instead of a secret. */
export interface SettingRef {
  name: string;
  /** Known from the secret it replaces (an account URL from its connection string); absent when only Azure knows it. */
  value?: string;
  /** One line for titles and READMEs: "the Blob Storage account URL". */
  description: string;
}

export interface Fix {
  ruleId: string;
  /** The quick-fix title; names any setting it introduces: "Use DefaultAzureCredential (reads AZURE_STORAGEBLOB_RESOURCEENDPOINT)". */
  title: string;
  identity: IdentityChoice;
  /** Edits to the finding's own file, imports included. Empty edits never form a Fix. */
  edits: TextEdit[];
  /** Settings the result reads that the developer must provide (none when the value came from the code). */
  settings: SettingRef[];
  /** Packages the result imports (the identity library at least); the dependency fix adds what a manifest lacks. */
  requires: PackageRef[];
}

/** What a language or config rewriter receives: the whole document, its parsed language and one finding in it. */
export interface RewriteInput {
  text: string;
  fileName: string;
  language: LanguageId;
  finding: Finding;
  options: RewriteOptions;
}
