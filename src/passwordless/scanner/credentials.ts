/** Decides whether a call's arguments already carry a token credential ("code that already uses a credential"). */
import type { Node } from '@vscode/tree-sitter-wasm';
import { objectEntries, type Argument, type SyntaxProfile } from './syntax';

export type ArgumentKind = 'credential' | 'secret' | 'function' | 'other';

/** Credentials that wrap a key or client secret (System.ClientModel's ApiKeyCredential, Azure.Core's KeyCredential too): using one is the problem, not the fix. */
const secretCredential =
  /StorageSharedKeyCredential|TableSharedKeyCredential|AzureNamedKeyCredential|AzureKeyCredential|ApiKeyCredential|\bKeyCredential\b|AzureSasCredential|ClientSecretCredential|NewSharedKeyCredential|NewKeyCredential/;
/** Names that hold a token credential or token provider. */
const tokenCredential = /Credential|credential|CREDENTIAL|\bcreds?\b|TokenProvider|token_provider|tokenProvider/;
/** Settings whose value is a token credential (aadCredentials, azure_ad_token_provider…). */
const tokenKeys = new Set([
  'aadCredentials',
  'azureADTokenProvider',
  'azure_ad_token_provider',
  'credential',
  'tokenCredential',
  'token_credential',
  'tokenProvider',
  'token_provider',
]);

const maxInspectedText = 4096;

export function classifyNode(node: Node, profile: SyntaxProfile): ArgumentKind {
  if (profile.functions.has(node.type)) return 'function';
  if (profile.strings.has(node.type)) return 'other';
  const text = node.text.slice(0, maxInspectedText);
  if (secretCredential.test(text)) return 'secret';
  if (profile.objects.has(node.type)) {
    for (const entry of objectEntries(node)) {
      if (!tokenKeys.has(entry.key)) continue;
      if (!entry.value || classifyValueOfTokenKey(entry.value, profile) === 'credential') return 'credential';
    }
    return 'other';
  }
  return tokenCredential.test(text) ? 'credential' : 'other';
}

function classifyValueOfTokenKey(value: Node, profile: SyntaxProfile): ArgumentKind {
  const kind = classifyNode(value, profile);
  // `aadCredentials: cred` or `azure_ad_token_provider=provider`: any non-literal value of a token setting is a token.
  return kind === 'other' && !profile.strings.has(value.type) ? 'credential' : kind;
}

/** What a variable was first assigned in the file (its initializer's text), when that can be found. */
export type InitializerOf = (name: string) => string | undefined;

/** A bare name (not a member access, call or literal): what a textual declaration lookup can search for. */
export function isPlainIdentifier(text: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]{0,100}$/.test(text);
}
/**
 * An initializer that builds a token credential or provider: a call of something named …Credential, …TokenProvider
 * or …CredentialBuilder (`new DefaultAzureCredential()`, `azidentity.NewDefaultAzureCredential(nil)`,
 * `get_bearer_token_provider(…)`). A value merely named so (`settings.credentialsConnectionString`) is not one.
 */
const builtCredential = /^(?:await\s+)?(?:new\s+)?[\w.]*(?:Credential|TokenProvider|token_provider)(?:Builder)?\s*[(<]/;

function classifyArgument(arg: Argument, profile: SyntaxProfile, initializerOf?: InitializerOf): ArgumentKind {
  if (arg.keyword && tokenKeys.has(arg.keyword) && arg.keyword !== 'credential') return classifyValueOfTokenKey(arg.value, profile);
  const kind = classifyNode(arg.value, profile);
  if (kind !== 'other' || !initializerOf) return kind;
  // `new QueueClient(url, identity)`: a variable whose name says nothing is what it was built from.
  const text = arg.value.text;
  const initializer = isPlainIdentifier(text) ? initializerOf(text) : undefined;
  if (!initializer) return kind;
  // A ClientSecretCredential is a token credential all the same: its secret is a finding where it is built.
  if (secretCredential.test(initializer) && !/ClientSecretCredential/.test(initializer)) return 'secret';
  return builtCredential.test(initializer) ? 'credential' : kind;
}

/** True when the call passes data but no token credential: the connection-string or key overloads. */
export function lacksCredential(args: readonly Argument[], profile: SyntaxProfile, initializerOf?: InitializerOf): boolean {
  const kinds = args.map((arg) => classifyArgument(arg, profile, initializerOf)).filter((kind) => kind !== 'function');
  return kinds.length > 0 && !kinds.includes('credential');
}

/**
 * The first statement assigning `name` in the text, up to its end: `const name = …`, `Type name = …`, `name: Type = …`,
 * `name = …`, and Go's `name := …` / `name, err := …`. Textual: the parsed windows may not hold the declaration.
 */
export function initializerIn(text: string, name: string): string | undefined {
  const escaped = name.replace(/\$/g, '\\$');
  // At a line's start, after at most four keywords or type words; a keyword argument inside a call is not one.
  const declared = new RegExp(`^[ \\t]*(?:[\\w.<>\\[\\]?]+[ \\t]+){0,4}${escaped}(?:[ \\t]*:[^=\\r\\n;(){}]{1,200})?[ \\t]*=(?!=)[ \\t]*([^\\r\\n;]{1,300})`, 'm');
  const shortDeclared = new RegExp(`^[ \\t]*${escaped}(?:[ \\t]*,[ \\t]*\\w+)*[ \\t]*:=[ \\t]*([^\\r\\n;]{1,300})`, 'm');
  return declared.exec(text)?.[1] ?? shortDeclared.exec(text)?.[1];
}

/**
 * For clients whose only overload takes a token credential (Key Vault's): a plain variable in the credential slot
 * holds one, whatever its name (a ClientSecretCredential behind it is a finding where it is built). The slot is the
 * `credential` keyword, else the second positional argument, else a builder's single argument.
 */
export function lacksCredentialInSlot(args: readonly Argument[], profile: SyntaxProfile, initializerOf?: InitializerOf): boolean {
  const positional = args.filter((arg) => !arg.keyword);
  const slot = args.find((arg) => arg.keyword === 'credential') ?? positional[1] ?? (args.length === 1 ? positional[0] : undefined);
  if (slot?.value.type === 'identifier') return false;
  return lacksCredential(args, profile, initializerOf);
}

const passwordKeys = new Set(['password', 'pwd']);
const tokenValue = /token|Token/;

/** True when an object argument (or keyword) sets a password that is not an access token. */
export function setsPassword(args: readonly Argument[], profile: SyntaxProfile): boolean {
  return args.some((arg) => {
    if (arg.keyword) return passwordKeys.has(arg.keyword.toLowerCase()) && !isTokenValue(arg.value, profile);
    return objectSetsPassword(arg.value, profile, 0);
  });
}

function objectSetsPassword(node: Node, profile: SyntaxProfile, depth: number): boolean {
  if (depth > 3 || !profile.objects.has(node.type)) return false;
  return objectEntries(node).some((entry) => {
    if (passwordKeys.has(entry.key.toLowerCase())) return !entry.value || !isTokenValue(entry.value, profile);
    return entry.value !== undefined && objectSetsPassword(entry.value, profile, depth + 1);
  });
}

function isTokenValue(value: Node, profile: SyntaxProfile): boolean {
  return profile.functions.has(value.type) || tokenValue.test(value.text.slice(0, maxInspectedText));
}
