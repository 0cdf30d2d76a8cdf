/**
 * The cheap first pass: one regex of plain literals per language (callee names of the code rules and anchors of the
 * secret rules). A file without a hit is done; a file with hits gets them back with offsets for the rules.
 */
import { ruleLanguageOf } from '../languages';
import { codeRules, secretRules } from '../rules';
import type { SecretRule } from '../rules/model';
import type { LanguageId, RuleLanguage } from '../types';
import { indexCodeRules, type CodeIndex } from './codeScan';

export interface LiteralHit {
  offset: number;
  literal: string;
}

export interface LanguagePlan {
  language: RuleLanguage;
  codeIndex?: CodeIndex;
  /**
   * Literals whose hit is worth a parse: callee names, except for builder patterns (Java's `.key(…)`,
   * `.credential(…)`) and calls that must sit inside another (C#'s `.Connect(…)`), whose common method names only
   * count when the builder's or outer call's name is in the file too.
   */
  parseTriggers: ReadonlySet<string>;
  /** Callee names that only count with one of these receiver names before them (builder methods). */
  receiversOf: ReadonlyMap<string, readonly string[]>;
  /** Secret rules (with their priority) to run at each anchor. */
  secretRulesByAnchor: Map<string, Array<{ rule: SecretRule; priority: number }>>;
  /** Literals in one alternation; no quantifiers, so matching is linear. */
  pattern: RegExp;
  /**
   * Callee names that count only after a parse trigger (Java's `key`, `credential`; C#'s `Connect`): common words,
   * searched for only in a file that has a trigger, so clean files pay nothing for them.
   */
  gatedPattern?: RegExp;
  /** Every literal: what ripgrep is given in bench:scan. */
  literals: string[];
}

const plans = new Map<RuleLanguage, LanguagePlan>();

const escape = (literal: string): string => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Longest first, so that a literal that starts another (`BlobClient`, `BlobClientBuilder`) does not shadow it. */
const alternation = (literals: readonly string[]): RegExp => new RegExp([...literals].sort((a, b) => b.length - a.length).map(escape).join('|'), 'g');

export function planFor(language: LanguageId): LanguagePlan {
  const ruleLanguage = ruleLanguageOf(language);
  let plan = plans.get(ruleLanguage);
  if (!plan) {
    const isCode = !['dotenv', 'appsettings', 'localsettings', 'properties', 'yaml'].includes(ruleLanguage);
    const codeIndex = isCode ? indexCodeRules(codeRules, ruleLanguage as never) : undefined;
    const secretRulesByAnchor = new Map<string, Array<{ rule: SecretRule; priority: number }>>();
    secretRules.forEach((rule, priority) => {
      if (!rule.languages.includes(ruleLanguage)) return;
      for (const anchor of rule.anchors) secretRulesByAnchor.set(anchor, [...(secretRulesByAnchor.get(anchor) ?? []), { rule, priority }]);
    });
    const parseTriggers = new Set<string>();
    for (const [name, patterns] of codeIndex ?? []) {
      for (const { pattern } of patterns) for (const trigger of pattern.receiver ?? pattern.within ?? [name]) parseTriggers.add(trigger);
    }
    const receiversOf = new Map<string, string[]>();
    for (const [name, patterns] of codeIndex ?? []) {
      if (patterns.every(({ pattern }) => pattern.receiver)) receiversOf.set(name, [...new Set(patterns.flatMap(({ pattern }) => pattern.receiver!))]);
    }
    const literals = [...new Set([...(codeIndex?.keys() ?? []), ...parseTriggers, ...secretRulesByAnchor.keys()])];
    const gated = literals.filter((literal) => !parseTriggers.has(literal) && !secretRulesByAnchor.has(literal));
    plan = {
      language: ruleLanguage,
      codeIndex,
      parseTriggers,
      receiversOf,
      secretRulesByAnchor,
      literals,
      pattern: alternation(literals.filter((literal) => !gated.includes(literal))),
      ...(gated.length > 0 ? { gatedPattern: alternation(gated) } : {}),
    };
    plans.set(ruleLanguage, plan);
  }
  return plan;
}

/** True when the text holds at least one literal of the language's rules (a superset of what literalHits keeps). */
export function hasCandidates(text: string, language: LanguageId): boolean {
  const { pattern } = planFor(language);
  pattern.lastIndex = 0;
  const found = pattern.test(text);
  pattern.lastIndex = 0;
  return found;
}

/** Every literal occurrence, left to right without overlap; callee names only as whole identifiers ("Client", not "HttpClient"). */
export function literalHits(text: string, plan: LanguagePlan): LiteralHit[] {
  const hits = matches(text, plan.pattern, plan);
  if (!plan.gatedPattern || !hits.some((hit) => plan.parseTriggers.has(hit.literal))) return hits;
  // Gated names are whole identifiers, so they cannot overlap another literal's hit.
  return [...hits, ...matches(text, plan.gatedPattern, plan)].sort((a, b) => a.offset - b.offset);
}

function matches(text: string, pattern: RegExp, plan: LanguagePlan): LiteralHit[] {
  const hits: LiteralHit[] = [];
  const { codeIndex } = plan;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const literal = match[0];
    const offset = match.index;
    if ((codeIndex?.has(literal) || plan.parseTriggers.has(literal)) && (isIdentifierChar(text.charCodeAt(offset - 1)) || isIdentifierChar(text.charCodeAt(offset + literal.length)))) continue;
    hits.push({ offset, literal });
  }
  return hits;
}

function isIdentifierChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
}
