/**
 * Input rules as Azure enforces them, checked before any request so invalid input never reaches ARM. Each returns
 * undefined when fine, or a verdict the input box shows (errors block; warnings inform).
 */
export type Verdict = { severity: 'error' | 'warning'; message: string } | undefined;

const error = (message: string): Verdict => ({ severity: 'error', message });
const warning = (message: string): Verdict => ({ severity: 'warning', message });

/** Managed identity names: 3–128 of letters, digits, '-' and '_', starting with a letter or digit. */
export const IDENTITY_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_-]{2,127}$/;
/** VMs and scale sets reject identities with longer names. */
export const VM_ASSIGNABLE_NAME_LENGTH = 24;

export function validateIdentityName(name: string): Verdict {
  if (name.length < 3) return error('The name must be at least 3 characters long.');
  if (name.length > 128) return error(`The name must be at most 128 characters long (it has ${name.length}).`);
  if (!/^[a-zA-Z0-9]/.test(name)) return error('The name must start with a letter or a digit.');
  const bad = /[^a-zA-Z0-9_-]/.exec(name);
  if (bad) return error(`The name can contain only letters, digits, '-' and '_' (not '${bad[0]}').`);
  if (name.length > VM_ASSIGNABLE_NAME_LENGTH) {
    return warning(`Names longer than ${VM_ASSIGNABLE_NAME_LENGTH} characters cannot be assigned to virtual machines or scale sets.`);
  }
  return undefined;
}

/** Resource group names: 1–90 of letters, digits, '_', '-', '.', '(' and ')', not ending in '.'. */
export function validateResourceGroupName(name: string): Verdict {
  if (name.length < 1) return error('Enter a resource group name.');
  if (name.length > 90) return error('The name must be at most 90 characters long.');
  if (!/^[-\w.()]+$/u.test(name) || /[^\x20-\x7e]/.test(name)) return error("The name can contain only letters, digits, '_', '-', '.', '(' and ')'.");
  if (name.endsWith('.')) return error("The name cannot end with '.'.");
  return undefined;
}

/** Federated credential names: 3–120 of letters, digits, '-' and '_', starting with a letter or digit. */
const FEDERATED_CREDENTIAL_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_-]{2,119}$/;
export const MAX_FEDERATED_CREDENTIALS = 20;
const MAX_ISSUER_LENGTH = 600;
const MAX_SUBJECT_LENGTH = 600;
export const DEFAULT_AUDIENCE = 'api://AzureADTokenExchange';

export function validateFederatedCredentialName(name: string): Verdict {
  if (!FEDERATED_CREDENTIAL_NAME.test(name)) {
    return error("The name must be 3–120 characters: letters, digits, '-' and '_', starting with a letter or digit.");
  }
  return undefined;
}

export function validateIssuer(issuer: string): Verdict {
  if (!issuer) return error('Enter the issuer URL.');
  if (issuer.length > MAX_ISSUER_LENGTH) return error(`The issuer must be at most ${MAX_ISSUER_LENGTH} characters.`);
  if (/\s/.test(issuer)) return error('The issuer cannot contain spaces.');
  if (issuer.includes('*')) return error('Wildcards are not supported in the issuer.');
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return error('The issuer must be a URL, e.g. https://token.actions.githubusercontent.com.');
  }
  if (url.protocol !== 'https:') return error('The issuer must be an https:// URL.');
  return undefined;
}

export function validateSubject(subject: string): Verdict {
  if (!subject) return error('Enter the subject identifier.');
  if (subject.length > MAX_SUBJECT_LENGTH) return error(`The subject must be at most ${MAX_SUBJECT_LENGTH} characters.`);
  if (subject.includes('*')) return error('Wildcards are not supported in the subject.');
  if (/[\r\n\t]/.test(subject)) return error('The subject cannot contain line breaks or tabs.');
  return undefined;
}

export function validateAudience(audience: string): Verdict {
  if (!audience.trim()) return error('Enter one audience (normally api://AzureADTokenExchange).');
  if (audience.includes(',')) return error('A federated credential has exactly one audience.');
  if (audience.length > 600) return error('The audience must be at most 600 characters.');
  return undefined;
}

/** "key=value, other=value" → tags; ARM allows 50 tags, names ≤ 512, values ≤ 256, no <>%&\?/ in names. */
export function parseTags(text: string): { tags: Record<string, string> } | { error: string } {
  const tags: Record<string, string> = {};
  const parts = text.split(',').map((p) => p.trim()).filter(Boolean);
  for (const part of parts) {
    const eq = part.indexOf('=');
    const key = (eq < 0 ? part : part.slice(0, eq)).trim();
    const value = eq < 0 ? '' : part.slice(eq + 1).trim();
    if (!key) return { error: `Tag "${part}" has no name: write name=value.` };
    if (/[<>%&\\?/]/.test(key)) return { error: `Tag name "${key}" cannot contain < > % & \\ ? or /.` };
    if (key.length > 512) return { error: `Tag name "${key.slice(0, 20)}…" is longer than 512 characters.` };
    if (value.length > 256) return { error: `The value of tag "${key}" is longer than 256 characters.` };
    if (Object.keys(tags).some((k) => k.toLowerCase() === key.toLowerCase())) return { error: `Tag "${key}" is given twice.` };
    tags[key] = value;
  }
  if (Object.keys(tags).length > 50) return { error: 'A resource can have at most 50 tags.' };
  return { tags };
}

export function validateTags(text: string): Verdict {
  const parsed = parseTags(text);
  return 'error' in parsed ? error(parsed.error) : undefined;
}
