/** The shape of a rule. Rules are data: one file per rule in this folder, listed in ./index.ts. */
import type { ServiceId } from '../../core/roles';
import type { SecretDocument } from '../scanner/secretDocument';
import type { ConfigLanguage, RuleLanguage, Severity, Target } from '../types';

export type CodeRuleLanguage = Exclude<RuleLanguage, ConfigLanguage>;

/**
 * When a matched call is a finding: always; only when none of its arguments is a token credential; the same, but a
 * plain variable counts as a credential (clients with no key overload, such as Key Vault's: whatever the variable
 * holds is a token credential, and a ClientSecretCredential behind it is a finding where it is built); or only when
 * an object or keyword argument sets a password that is not an access token.
 */
export type ArgumentCondition = 'always' | 'noCredential' | 'noCredentialOrVariable' | 'password';

export interface CodePattern {
  languages: CodeRuleLanguage[];
  /** `new X(…)`: constructor names (last segment, generics ignored). */
  construct?: string[];
  /** Calls: 'Type.method', 'pkg.Func' or a bare name; a dotted callee matches when it ends with the entry. */
  call?: string[];
  /** For builder chains (Java): the receiver's text must mention one of these names. */
  receiver?: string[];
  /** The call must sit inside the arguments of a call to one of these names (C#'s AddAzureAppConfiguration(o => o.Connect(…))). */
  within?: string[];
  when?: ArgumentCondition;
}

interface RuleBase {
  id: string;
  service: ServiceId;
  /** One line for rule lists and SARIF. */
  title: string;
  severity: Severity;
}

/** Secret-based client code: found in the syntax tree, never in comments or strings. */
export interface CodeRule extends RuleBase {
  kind: 'code';
  /** The finding message; says what to use instead. */
  message: string;
  patterns: CodePattern[];
}

/** A secret found at an anchor: the exact range of the secret value and a message that masks it. */
export interface SecretHit {
  start: number;
  end: number;
  message: string;
  target?: Target;
  /** When the secret itself tells a more precise service than the rule's (a Cosmos key rather than a storage key). */
  service?: ServiceId;
}

/** Hard-coded secret literals, in any file: found from cheap literal anchors, never by scanning every position. */
export interface SecretRule extends RuleBase {
  kind: 'secret';
  languages: RuleLanguage[];
  /** Literals that must occur for the rule to apply; detect() is called at each occurrence. */
  anchors: string[];
  detect(doc: SecretDocument, anchorOffset: number, anchor: string): SecretHit | undefined;
}

/** Secret-bearing settings in configuration files, known by the setting's name. */
export interface ConfigKeyRule extends RuleBase {
  kind: 'config-key';
  languages: ConfigLanguage[];
  /** Tested against the setting's name with separators removed and lower-cased ("spring.x.account-key" → "springxaccountkey"). */
  keyPattern: RegExp;
  /** What the setting holds, for the message: "a storage account key". */
  noun: string;
}

export type Rule = CodeRule | SecretRule | ConfigKeyRule;
