/** Why a finding matters and what to write instead, as Markdown (pure: shared by the hover and the explain command). */
import { serviceRoles, type DataRole } from '../../core/roles';
import type { Finding } from '../types';
import { categoryOf } from './severity';
import { credentialFreeForm } from './credentialFreeForms';

const why = {
  secret: 'A secret in source or configuration leaks with every copy of the file, and rotating it breaks every deployment that holds it.',
  client: 'A client built from a key or connection string needs that secret at run time; a managed identity needs none.',
};

function roleLine(kind: string, list: readonly DataRole[]): string | undefined {
  return list.length ? `- ${kind}: ${list.map((r) => `**${r.name}** — ${r.description}`).join('; ')}` : undefined;
}

export { firstGrantableRole } from './grantableRole';

export function explainFinding(finding: Finding): string {
  const service = serviceRoles[finding.service];
  const form = credentialFreeForm(finding.service, finding.language);
  const lines = [`**Keyless: ${finding.ruleId}** — ${service.service}`, '', finding.message, '', why[categoryOf(finding.ruleId) ?? 'client']];
  if (form) lines.push('', '**Use instead** (DefaultAzureCredential picks up the managed identity in Azure and your own sign-in locally):', '', '```' + form.fence, form.code, '```');
  const roles = [roleLine('Read', finding.roles?.read ?? []), roleLine('Write', finding.roles?.write ?? [])].filter(Boolean);
  if (roles.length) lines.push('', `**Roles the identity needs** (assign at the ${service.scope}):`, ...(roles as string[]));
  if (finding.target) lines.push('', `Target: ${finding.target.kind} \`${finding.target.name}\``);
  return lines.join('\n');
}

/** The same explanation as plain text, for a modal dialog (which shows no Markdown). */
export function explainFindingText(finding: Finding): string {
  const service = serviceRoles[finding.service];
  const form = credentialFreeForm(finding.service, finding.language);
  const lines = [finding.message];
  if (form) lines.push('', 'Use instead:', form.code);
  const grant = [...(finding.roles?.read ?? []), ...(finding.roles?.write ?? [])].map((r) => r.name);
  if (grant.length) lines.push('', `Then grant the identity (at the ${service.scope}): ${grant.join(' or ')}.`);
  lines.push('', 'Locally, DefaultAzureCredential uses your own sign-in, so you need the same role.');
  return lines.join('\n');
}
