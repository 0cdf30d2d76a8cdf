import { codeLanguages, configLanguages } from '../languages';
import type { RuleLanguage } from '../types';

/** Every language a rule can claim: secrets are secrets in any file. */
export const allLanguages: RuleLanguage[] = [
  ...new Set<RuleLanguage>(codeLanguages.map((l) => (l === 'typescriptreact' ? 'typescript' : l === 'javascriptreact' ? 'javascript' : l))),
  ...configLanguages,
];

export const passwordAnchors = ['Password=', 'password=', 'PASSWORD=', 'Pwd=', 'PWD=', 'pwd='];
