/**
 * The endpoint expression that replaces a connection string in Java and Go: the endpoint literal when the string is
 * visible in the code (its keys parsed by connectionStrings.ts, the one parser of code and config),
 * else the service's environment setting, recorded so the fix names it. Nothing is guessed.
 */
import type { ServiceId } from '../../../core/roles';
import type { SettingRef } from '../model';
import { serviceEndpoints } from '../settings';
import { endpointFromConnectionString, type ConnectionEndpoint } from '../connectionStrings';

/** What the code passes where a secret goes: a literal we can read, an environment read, or anything else. */
export type ValueSource = { kind: 'literal'; value: string } | { kind: 'env' } | { kind: 'other' };

export interface EndpointCode extends Partial<ConnectionEndpoint> {
  /** The expression to write. */
  code: string;
  /** The endpoint itself when it came from the code. */
  literal?: string;
}

export interface EndpointSyntax {
  string(value: string): string;
  envRead(name: string): string;
}

export function endpointCode(service: ServiceId, source: ValueSource, syntax: EndpointSyntax, settings: SettingRef[]): EndpointCode | undefined {
  if (source.kind === 'literal') {
    const found = endpointFromConnectionString(service, source.value);
    return found && { ...found, code: syntax.string(found.endpoint), literal: found.endpoint };
  }
  const setting = serviceEndpoints[service];
  if (!setting) return undefined;
  if (!settings.some((s) => s.name === setting.env)) settings.push({ name: setting.env, description: setting.description });
  return { code: syntax.envRead(setting.env) };
}
