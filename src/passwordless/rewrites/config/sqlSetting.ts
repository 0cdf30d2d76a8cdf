/**
 * A SQL password in a configuration file: the connection string is rewritten in place to Microsoft Entra
 * authentication (sqlConnection.ts), in any format. What the database needs next — a user for the identity,
 * `CREATE USER [<identity>] FROM EXTERNAL PROVIDER` — is said in the title: no file edit can do it.
 * User-assigned identity: ADO.NET reads AZURE_CLIENT_ID (written empty to fill in, as the other config fixes do;
 * local.settings.json names it for the hosted Function App only); JDBC in Spring files gets
 * `msiClientId=${AZURE_CLIENT_ID}`. A Spring `….url` also loses its sibling `….username` / `….password`: mssql-jdbc
 * would take a user name beside ActiveDirectoryMSI for a client ID.
 */
import type { Setting } from '../../scanner/configSettings';
import type { ConfigLanguage } from '../../types';
import type { Fix, RewriteInput, SettingRef, TextEdit } from '../model';
import { CLIENT_ID_ENV } from '../settings';
import { clientIdSetting } from './context';
import { addRootProperty, editBetween, has, jsonTree } from './json';
import { editLines } from './lineRemoval';
import { eolOf, lineAt } from './lines';
import { entraConnectionString, entraTitle } from './sqlConnection';

const springPlaceholder = `\${${CLIENT_ID_ENV}}`;

export function rewriteSqlSetting(input: RewriteInput, settings: readonly Setting[], setting: Setting): Fix | undefined {
  const { text, options } = input;
  const language = input.language as ConfigLanguage;
  const raw = text.slice(setting.start, setting.end);
  // JSON escapes (a `\\` in a server name) would make the written value differ from the read one.
  if (raw !== setting.value) return undefined;
  const spring = language === 'properties' || language === 'yaml';
  const user = options.identity === 'userAssigned';
  const rewrite = entraConnectionString(raw, user && spring ? springPlaceholder : undefined);
  if (!rewrite || rewrite.value === raw) return undefined;
  const valueEdit = { start: setting.start, end: setting.end, newText: rewrite.value };
  let edits: TextEdit[] = [valueEdit];
  const refs: SettingRef[] = [];
  let userNote = `a user-assigned identity (${CLIENT_ID_ENV})`;
  if (rewrite.kind === 'jdbc') {
    if (user && !spring) return undefined;
    if (user) refs.push(clientIdSetting);
    if (spring && setting.name.endsWith('.url')) {
      const prefix = setting.name.slice(0, -'url'.length);
      const credentials = settings.filter((s) => [`${prefix}username`, `${prefix}password`].includes(s.name));
      edits = editLines(text, [valueEdit], credentials.map((s) => s.start));
    }
  } else if (user) {
    const added = clientIdLine(text, language, setting);
    if (added === undefined) return undefined;
    if (added === 'hosted') userNote = `a user-assigned identity (set ${CLIENT_ID_ENV} in the Function App only)`;
    else edits.push(...added);
    refs.push(added === 'hosted' ? { ...clientIdSetting, description: `${clientIdSetting.description} (hosted app setting only)` } : clientIdSetting);
  }
  const title = user ? `${entraTitle} with ${userNote}` : entraTitle;
  return { ruleId: input.finding.ruleId, title, identity: options.identity, edits, settings: refs, requires: [] };
}

/**
 * Where an ADO.NET string's user-assigned identity goes: an empty AZURE_CLIENT_ID to fill in (none when the file
 * names one already), 'hosted' for Functions `Values` (never set locally), undefined where no such setting exists.
 */
function clientIdLine(text: string, language: ConfigLanguage, setting: Setting): TextEdit[] | 'hosted' | undefined {
  if (language === 'dotenv') {
    if (new RegExp(`^[ \\t]*(?:export[ \\t]+)?${CLIENT_ID_ENV}[ \\t]*=`, 'm').test(text)) return [];
    const line = lineAt(text, setting.start);
    return [{ start: line.end, end: line.end, newText: `${eolOf(text)}${CLIENT_ID_ENV}=` }];
  }
  // Functions read only `Values` as environment variables, and a user-assigned identity is never set locally there.
  if (language === 'localsettings') return 'hosted';
  if (language !== 'appsettings') return undefined;
  const root = jsonTree(text);
  if (root?.type !== 'object') return undefined;
  if (has(root, [CLIENT_ID_ENV])) return [];
  // Appended after the last top-level property: far from the value edit, so the two never overlap.
  const [edit] = editBetween(text, addRootProperty(text, CLIENT_ID_ENV, ''));
  return edit && edit.start >= setting.end ? [edit] : undefined;
}
