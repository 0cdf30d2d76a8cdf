import { connectionSecretAt } from '../scanner/connectionSecret';
import type { SecretDocument } from '../scanner/secretDocument';
import { isPlaceholder, mask } from '../scanner/secretText';
import { targetIn } from '../scanner/targets';
import { allLanguages, passwordAnchors } from './languages';
import type { SecretHit, SecretRule } from './model';

const host = 'postgres.database.azure.com';
const advice = 'Use an access token for https://ossrdbms-aad.database.windows.net/.default from DefaultAzureCredential as the password.';
const serverLabel = /^[a-z0-9-]{1,63}\.$/;

export const secretPostgresqlPassword: SecretRule = {
  kind: 'secret',
  id: 'secret-postgresql-password',
  service: 'postgresql',
  title: 'Azure Database for PostgreSQL password',
  severity: 'error',
  languages: allLanguages,
  anchors: [...passwordAnchors, host],
  detect: (doc, offset, anchor) => {
    if (anchor !== host) {
      return connectionSecretAt(doc, offset, anchor, { service: 'postgresql', noun: 'PostgreSQL password', advice, requires: [host] });
    }
    return passwordInUrl(doc, offset);
  },
};

function passwordInUrl(doc: SecretDocument, hostOffset: number): SecretHit | undefined {
  const segment = doc.segmentAround(hostOffset);
  const before = doc.text.slice(segment.start, hostOffset);
  // The password must belong to this very URL: "scheme://user:password@<server>." right before the host suffix.
  const at = before.lastIndexOf('@');
  if (at === -1 || !serverLabel.test(before.slice(at + 1))) return undefined;
  const scheme = before.lastIndexOf('://', at);
  const colon = scheme === -1 ? -1 : before.indexOf(':', scheme + 3);
  if (colon === -1 || colon > at) return undefined;
  const password = before.slice(colon + 1, at);
  if (isPlaceholder(password)) return undefined;
  return {
    start: segment.start + colon + 1,
    end: segment.start + at,
    message: `PostgreSQL password in a connection URL (${mask(password)}). ${advice}`,
    target: targetIn('postgresql', before.slice(at + 1) + host),
  };
}
