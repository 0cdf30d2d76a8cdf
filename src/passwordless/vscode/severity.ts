/**
 * Editor severities (pure, no vscode): hard-coded secrets default to Warning and secret-based client construction to
 * Information; keyless.passwordless.severity overrides per category ("secret", "client") or per rule id.
 */
import { codeRules, configKeyRules, secretRules } from '../rules';
import type { Severity } from '../types';

export type RuleCategory = 'secret' | 'client';
export type SeveritySetting = Severity | 'off';

const defaults: Record<RuleCategory, Severity> = { secret: 'warning', client: 'information' };
const valid = new Set<string>(['error', 'warning', 'information', 'hint', 'off']);

export function categoryOf(ruleId: string): RuleCategory | undefined {
  if (codeRules.some((r) => r.id === ruleId)) return 'client';
  if (secretRules.some((r) => r.id === ruleId) || configKeyRules.some((r) => r.id === ruleId)) return 'secret';
  return undefined;
}

/** The engine's per-rule severities for every rule: rule id setting, else category setting, else the category default. */
export function editorSeverities(overrides: Readonly<Record<string, unknown>> = {}): Record<string, SeveritySetting> {
  const pick = (key: string): SeveritySetting | undefined => {
    const value = overrides[key];
    return typeof value === 'string' && valid.has(value.toLowerCase()) ? (value.toLowerCase() as SeveritySetting) : undefined;
  };
  const result: Record<string, SeveritySetting> = {};
  const add = (id: string, category: RuleCategory) => (result[id] = pick(id) ?? pick(category) ?? defaults[category]);
  for (const rule of codeRules) add(rule.id, 'client');
  for (const rule of [...secretRules, ...configKeyRules]) add(rule.id, 'secret');
  return result;
}
