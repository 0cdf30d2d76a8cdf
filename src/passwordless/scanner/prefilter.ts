/**
 * The cheap first pass: one regex of plain literals per language (callee names of the code rules and anchors of the
 * secret rules). A file without a hit is done; a file with hits gets them back with offsets for the rules.
 */
import { ruleLanguageOf } from '../languages';
import { codeRules, secretRules } from '../rules';
import type { LanguageId, RuleLanguage } from '../types';
import { indexCodeRules, type CodeIndex } from './codeScan';

export interface LiteralHit {
  offset: number;
  literal: string;
}

export interface LanguagePlan {
  language: RuleLanguage;
  codeIndex?: CodeIndex;
  /** Literals in one alternation; no quantifiers, so matching is linear. */
  pattern: RegExp;
  literals: string[];
}

const plans = new Map<RuleLanguage, LanguagePlan>();

const escape = (literal: string): string => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function planFor(language: LanguageId): LanguagePlan {
  const ruleLanguage = ruleLanguageOf(language);
  let plan = plans.get(ruleLanguage);
  if (!plan) {
    const isCode = !['dotenv', 'appsettings', 'localsettings', 'properties', 'yaml'].includes(ruleLanguage);
    const codeIndex = isCode ? indexCodeRules(codeRules, ruleLanguage as never) : undefined;
    const anchors = secretRules.filter((rule) => rule.languages.includes(ruleLanguage)).flatMap((rule) => rule.anchors);
    const literals = [...new Set([...(codeIndex?.keys() ?? []), ...anchors])].sort((a, b) => b.length - a.length);
    plan = { language: ruleLanguage, codeIndex, literals, pattern: new RegExp(literals.map(escape).join('|'), 'g') };
    plans.set(ruleLanguage, plan);
  }
  return plan;
}

/** True when the text holds at least one literal of the language's rules: the only work done for clean files. */
export function hasCandidates(text: string, language: LanguageId): boolean {
  const { pattern } = planFor(language);
  pattern.lastIndex = 0;
  const found = pattern.test(text);
  pattern.lastIndex = 0;
  return found;
}

export function literalHits(text: string, plan: LanguagePlan): LiteralHit[] {
  const hits: LiteralHit[] = [];
  const { pattern } = plan;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    hits.push({ offset: match.index, literal: match[0] });
    // Anchors may overlap ("==" inside "==="); step one character, not past the match.
    pattern.lastIndex = match.index + 1;
  }
  return hits;
}
