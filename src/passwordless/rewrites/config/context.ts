/** What every config format rewriter receives: the finding's setting and what replaces it. */
import type { Setting } from '../../scanner/configSettings';
import type { Fix, RewriteInput, SettingRef, TextEdit } from '../model';
import { CLIENT_ID_ENV, serviceEndpoints } from '../settings';
import type { Replacement } from './derive';

export interface ConfigContext {
  input: RewriteInput;
  /** Every setting of the file (name, value, value offsets). */
  settings: Setting[];
  /** The setting whose value holds the secret. */
  setting: Setting;
  replacement: Replacement;
}

export const userAssigned = (ctx: ConfigContext): boolean => ctx.input.options.identity === 'userAssigned';

/** The endpoint setting a hosted app must also get (config files are usually local), with its known value. */
export function endpointSetting(name: string, ctx: ConfigContext): SettingRef {
  const description = serviceEndpoints[ctx.replacement.service]?.description ?? 'the service endpoint';
  return { name, value: ctx.replacement.endpoint, description };
}

export const clientIdSetting: SettingRef = { name: CLIENT_ID_ENV, description: "the user-assigned managed identity's client ID" };

export function configFix(ctx: ConfigContext, title: string, edits: TextEdit[], settings: SettingRef[]): Fix | undefined {
  if (edits.length === 0) return undefined;
  return { ruleId: ctx.input.finding.ruleId, title, identity: ctx.input.options.identity, edits, settings, requires: [] };
}

/** A value for titles: short endpoints in full, long ones cut (titles are one line in a menu). */
export function shown(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}…` : value;
}
