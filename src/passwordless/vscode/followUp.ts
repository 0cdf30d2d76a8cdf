/**
 * What to tell the developer after a fix (pure): which role the identity now needs and on what, the Grant action, and
 * the settings to provide as NAME=value lines. Setting values are endpoints taken from the replaced code, never
 * secrets; a value Keyless cannot know becomes a <description> placeholder.
 */
import { serviceRoles } from '../../core/roles';
import { isCodeLanguage } from '../languages';
import type { Fix, SettingRef } from '../rewrites/model';
import type { Finding } from '../types';
import { grantRequestOf, type GrantAccessRequest } from './grantableRole';

export interface FollowUp {
  message: string;
  /** The Grant button: its label and the keyless.grantAccess request. */
  grant?: { label: string; request: GrantAccessRequest };
  /** NAME=value lines for the Copy settings button; absent when the fix reads no new setting. */
  settingsText?: string;
}

export function settingsLines(settings: readonly SettingRef[]): string {
  return settings.map((s) => `${s.name}=${s.value ?? `<${s.description}>`}`).join('\n');
}

export function followUpOf(finding: Finding, fix: Pick<Fix, 'settings'>): FollowUp {
  const service = serviceRoles[finding.service];
  const subject = isCodeLanguage(finding.language) ? `${service.service} client now uses DefaultAzureCredential.` : `${service.service} settings now use a managed identity.`;
  const where = finding.target ? finding.target.name : `the ${service.scope}`;
  const grant = grantRequestOf(finding);
  const role = grant?.role ?? [...(finding.roles?.read ?? []), ...(finding.roles?.write ?? [])][0];
  const needs = role ? ` It needs ${role.name} on ${where}.` : '';
  return {
    message: subject + needs,
    ...(grant ? { grant: { label: `Grant ${grant.role.name}…`, request: grant.request } } : {}),
    ...(fix.settings.length ? { settingsText: settingsLines(fix.settings) } : {}),
  };
}
