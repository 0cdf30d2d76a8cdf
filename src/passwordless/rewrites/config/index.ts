/**
 * Configuration rewrites: a secret setting (connection string, account key, API key) becomes the identity-based
 * setting its runtime understands, in the same edit — never a deletion without its replacement. One file per format;
 * this one finds the finding's setting and what replaces it, then hands over. Client secrets (clientSecret.ts) and
 * Azure SQL passwords (sqlSetting.ts) have replacements of their own. No endpoint, no fix: PostgreSQL passwords (the
 * app must fetch a token; no setting can) and keys whose resource the file does not name are left to a human.
 */
import { settingsOf } from '../../scanner/configSettings';
import type { ConfigLanguage } from '../../types';
import type { Fix, RewriteInput } from '../model';
import { rewriteAppSettings } from './appSettings';
import { rewriteClientSecret } from './clientSecret';
import type { ConfigContext } from './context';
import { replacementFor, settingOf } from './derive';
import { rewriteDotenv } from './dotenv';
import { rewriteLocalSettings } from './localSettings';
import { rewriteSpring } from './spring';
import { rewriteSqlSetting } from './sqlSetting';

const byFormat: Record<ConfigLanguage, (ctx: ConfigContext) => Fix | undefined> = {
  dotenv: rewriteDotenv,
  appsettings: rewriteAppSettings,
  localsettings: rewriteLocalSettings,
  properties: rewriteSpring,
  yaml: rewriteSpring,
};

export async function rewriteConfig(input: RewriteInput): Promise<Fix | undefined> {
  const rewrite = byFormat[input.language as ConfigLanguage];
  if (!rewrite) return undefined;
  const settings = settingsOf(input.text, input.language as ConfigLanguage);
  const setting = settingOf(settings, input.finding);
  if (!setting) return undefined;
  // Secrets without an endpoint to read: the identity itself (client secrets) or the sign-in mode (SQL) replaces them.
  if (input.finding.service === 'clientSecret') return rewriteClientSecret(input, settings, setting);
  if (input.finding.service === 'sql') return rewriteSqlSetting(input, settings, setting);
  const replacement = replacementFor(settings, setting, input.finding);
  if (!replacement) return undefined;
  return rewrite({ input, settings, setting, replacement });
}
