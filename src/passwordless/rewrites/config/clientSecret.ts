/**
 * An app registration's client secret (AZURE_CLIENT_SECRET; Spring's `….credential.client-secret`) gives way to a
 * managed identity. Its replacement is the identity-based configuration itself, written in the same edit:
 * - default identity: the secret AND the app registration's AZURE_CLIENT_ID go (DefaultAzureCredential would take a
 *   leftover client ID for a user-assigned managed identity's); AZURE_TENANT_ID stays.
 * - user-assigned: the secret goes and AZURE_CLIENT_ID is emptied, to be filled with the identity's client ID
 *   (Spring: `client-id=${AZURE_CLIENT_ID}` beside `managed-identity-enabled=true`).
 * Only when the same file names the app registration's client ID: otherwise it lives elsewhere and would survive,
 * and only under the names DefaultAzureCredential / Spring Cloud Azure read (others belong to the application).
 */
import type { Setting } from '../../scanner/configSettings';
import type { ConfigLanguage } from '../../types';
import type { Fix, RewriteInput, TextEdit } from '../model';
import { CLIENT_ID_ENV } from '../settings';
import { clientIdSetting } from './context';
import { editBetween, jsonTree, keyPathAt, removeProperty } from './json';
import { editLines } from './lineRemoval';
import { keyStartOf, lineAt } from './lines';

const SECRET_ENV = 'AZURE_CLIENT_SECRET';
const springCredential = /^(spring\.cloud\.azure\.(?:[a-z0-9-]+(?:\[\d+\])?\.)*credential\.)client-secret$/;

interface Plan {
  /** The client ID setting naming the app registration. */
  clientId: Setting;
  /** Names for the title. */
  secretName: string;
  clientIdName: string;
  edits: TextEdit[];
}

export function rewriteClientSecret(input: RewriteInput, settings: readonly Setting[], setting: Setting): Fix | undefined {
  const language = input.language as ConfigLanguage;
  const user = input.options.identity === 'userAssigned';
  const plan = language === 'properties' || language === 'yaml' ? springPlan(input.text, settings, setting, user) : envPlan(input.text, language, settings, setting, user);
  if (!plan || plan.edits.length === 0) return undefined;
  const title = user
    ? `Use a user-assigned managed identity: remove ${plan.secretName} and set ${plan.clientIdName} to the identity's client ID`
    : `Use a managed identity: remove ${plan.secretName} and the app registration's ${plan.clientIdName}`;
  return { ruleId: input.finding.ruleId, title, identity: input.options.identity, edits: plan.edits, settings: user ? [clientIdSetting] : [], requires: [] };
}

/** .env, local.settings.json `Values`, appsettings top level: the environment variables DefaultAzureCredential reads. */
function envPlan(text: string, language: ConfigLanguage, settings: readonly Setting[], setting: Setting, user: boolean): Plan | undefined {
  if (language === 'dotenv') {
    if (setting.name !== SECRET_ENV) return undefined;
    const clientId = settings.find((s) => s.name === CLIENT_ID_ENV);
    if (!clientId) return undefined;
    const edits = user ? editLines(text, [{ start: clientId.start, end: clientId.end, newText: '' }], [setting.start]) : editLines(text, [], [setting.start, clientId.start]);
    return { clientId, secretName: SECRET_ENV, clientIdName: CLIENT_ID_ENV, edits };
  }
  if (language !== 'appsettings' && language !== 'localsettings') return undefined;
  const root = jsonTree(text);
  const path = root && keyPathAt(root, setting.start);
  const parent = language === 'localsettings' ? ['Values'] : [];
  if (!path || path.join(':') !== [...parent, SECRET_ENV].join(':')) return undefined;
  const clientIdPath = [...parent, CLIENT_ID_ENV];
  const clientId = settings.find((s) => s.name === clientIdPath.join(':'));
  if (!clientId) return undefined;
  // Each removal re-reads the JSON; the client ID is emptied first, while its offsets are the original ones.
  const result = user
    ? removeProperty(text.slice(0, clientId.start) + text.slice(clientId.end), path)
    : removeProperty(removeProperty(text, path), clientIdPath);
  return { clientId, secretName: SECRET_ENV, clientIdName: CLIENT_ID_ENV, edits: editBetween(text, result) };
}

/** Spring Cloud Azure: `<prefix>client-secret` beside `<prefix>client-id` (global or per service). */
function springPlan(text: string, settings: readonly Setting[], setting: Setting, user: boolean): Plan | undefined {
  const prefix = springCredential.exec(setting.name)?.[1];
  if (!prefix) return undefined;
  const clientId = settings.find((s) => s.name === `${prefix}client-id`);
  if (!clientId) return undefined;
  const names = { clientId, secretName: setting.name, clientIdName: clientId.name };
  if (!user) return { ...names, edits: editLines(text, [], [setting.start, clientId.start, ...emptiedYamlParent(text, settings, prefix, [setting, clientId])]) };
  const splices = [{ start: clientId.start, end: clientId.end, newText: `\${${CLIENT_ID_ENV}}` }];
  if (settings.some((s) => s.name === `${prefix}managed-identity-enabled`)) return { ...names, edits: editLines(text, splices, [setting.start]) };
  // The secret's line says managed-identity-enabled instead, keeping its key's spelling (dotted or nested YAML).
  const line = lineAt(text, setting.start);
  const keyStart = keyStartOf(text, line);
  const keyEnd = text.indexOf('client-secret', keyStart);
  if (keyEnd === -1 || keyEnd > setting.start) return undefined;
  const quoted = text[setting.start - 1] === '"' || text[setting.start - 1] === "'";
  const separator = text.slice(keyEnd + 'client-secret'.length, quoted ? setting.start - 1 : setting.start);
  // To the line's end: a trailing comment spoke of the secret.
  splices.push({ start: keyEnd, end: line.end, newText: `managed-identity-enabled${separator}true` });
  return { ...names, edits: editLines(text, splices, []) };
}

/** YAML: the `credential:` line whose only children were the removed ones (left alone it would read as null). */
function emptiedYamlParent(text: string, settings: readonly Setting[], prefix: string, removed: Setting[]): number[] {
  if (settings.some((s) => s.name.startsWith(prefix) && !removed.includes(s))) return [];
  const first = lineAt(text, Math.min(...removed.map((s) => s.start)));
  if (first.start === 0) return [];
  const above = lineAt(text, first.start - 1);
  return /^[ \t]*credential:[ \t]*$/.test(text.slice(above.start, above.end)) ? [above.start] : [];
}
