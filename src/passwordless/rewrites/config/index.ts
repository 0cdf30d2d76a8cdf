/**
 * Configuration rewrites: a secret setting (connection string, account key, API key) becomes the identity-based
 * setting its runtime understands, in the same edit — never a deletion without its replacement. One file per format;
 * this one finds the finding's setting and what replaces it, then hands over. No endpoint, no fix: client secrets,
 * SQL / PostgreSQL passwords and keys whose resource the file does not name are left to a human.
 */
import { settingsOf } from '../../scanner/configSettings';
import type { ConfigLanguage } from '../../types';
import type { Fix, RewriteInput } from '../model';
import { rewriteAppSettings } from './appSettings';
import type { ConfigContext } from './context';
import { replacementFor, settingOf } from './derive';
import { rewriteDotenv } from './dotenv';
import { rewriteLocalSettings } from './localSettings';
import { rewriteSpring } from './spring';

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
  const replacement = replacementFor(settings, setting, input.finding);
  if (!replacement) return undefined;
  return rewrite({ input, settings, setting, replacement });
}
