/**
 * An Azure SQL connection string with a password becomes Microsoft Entra authentication, every other part kept
 * (server, database, encryption, timeouts) in its place and spelling:
 * - ADO.NET / Microsoft.Data.SqlClient: `User ID`/`Uid`/`Password`/`Pwd` and a password-based `Authentication`
 *   become `Authentication=Active Directory Default` (DefaultAzureCredential inside SqlClient, which reads
 *   AZURE_CLIENT_ID for a user-assigned identity, so the string is the same for both identities).
 * - JDBC (mssql-jdbc): `user`/`password`/`authentication` become `authentication=ActiveDirectoryMSI`; a user-assigned
 *   identity adds `msiClientId=${AZURE_CLIENT_ID}` — a placeholder only Spring resolves, so elsewhere there is no
 *   user-assigned variant.
 * Only Azure SQL hosts (public and sovereign clouds): on-premises servers have no Entra sign-in. ODBC strings
 * (`Driver=…`) have no "Default" mode and quoted or braced values cannot be split safely: no fix.
 */

/** Azure SQL Database host suffixes: public, China, US Government, Germany (legacy). */
const azureSqlHost = /^[a-z0-9-]{1,63}\.database\.(windows\.net|chinacloudapi\.cn|usgovcloudapi\.net|cloudapi\.de)$/i;

export const entraTitle = 'Use Microsoft Entra authentication (create a database user FROM EXTERNAL PROVIDER for the identity)';

export interface SqlRewrite {
  /** The connection string without user or password. */
  value: string;
  kind: 'adonet' | 'jdbc';
  /** The server's host name, for the title and the settings. */
  host: string;
}

interface Part {
  /** The part as written, without its `;`. */
  raw: string;
  /** Its key lower-cased without spaces ("userid"), '' for an empty part. */
  key: string;
}

function partsOf(text: string): Part[] | undefined {
  // A quoted or braced value may hold a `;` of its own: splitting would cut it.
  if (/["'{}]/.test(text)) return undefined;
  const parts = text.split(';').map((raw) => ({ raw, key: raw.includes('=') ? raw.slice(0, raw.indexOf('=')).replace(/\s+/g, '').toLowerCase() : '' }));
  return parts.every((p) => p.key !== '' || p.raw.trim() === '') ? parts : undefined;
}

const valueOf = (part: Part): string => part.raw.slice(part.raw.indexOf('=') + 1).trim();

/** Replaces the parts to drop by one new part, where the first of them was (with its leading spaces). */
function replaceParts(parts: Part[], drop: (p: Part) => boolean, added: string): string | undefined {
  const first = parts.findIndex(drop);
  if (first === -1) return undefined;
  const lead = /^\s*/.exec(parts[first]!.raw)![0];
  const kept = parts.flatMap((p, i) => (i === first ? [`${lead}${added}`] : drop(p) ? [] : [p.raw]));
  return kept.join(';');
}

const adoNetServerKeys = new Set(['server', 'datasource', 'address', 'addr', 'networkaddress']);
const adoNetDropped = new Set(['userid', 'uid', 'user', 'username', 'password', 'pwd', 'authentication']);

function adoNet(value: string): SqlRewrite | undefined {
  const parts = partsOf(value);
  if (!parts || parts.some((p) => p.key === 'driver' || p.key === 'dsn')) return undefined;
  const servers = parts.filter((p) => adoNetServerKeys.has(p.key));
  if (servers.length !== 1) return undefined;
  // "tcp:name.database.windows.net,1433" → the host.
  const host = valueOf(servers[0]!).replace(/^tcp:/i, '').replace(/,\d+$/, '');
  if (!azureSqlHost.test(host)) return undefined;
  // Windows sign-in and Entra authentication exclude each other; such a string is not ours to change.
  if (parts.some((p) => (p.key === 'integratedsecurity' || p.key === 'trustedconnection') && !/^(false|no)$/i.test(valueOf(p)))) return undefined;
  const rewritten = replaceParts(parts, (p) => adoNetDropped.has(p.key), 'Authentication=Active Directory Default');
  return rewritten === undefined ? undefined : { value: rewritten, kind: 'adonet', host };
}

const jdbcDropped = new Set(['user', 'username', 'password', 'authentication', 'msiclientid']);

function jdbc(value: string, clientIdPlaceholder: string | undefined): SqlRewrite | undefined {
  // `jdbc\:sqlserver\://…`: .properties files may escape their colons.
  const head = /^jdbc\\?:sqlserver\\?:\/\/([^;:\\/]+)/i.exec(value);
  if (!head) return undefined;
  const host = head[1]!;
  if (!azureSqlHost.test(host)) return undefined;
  const [url, ...rest] = value.split(';');
  const parts = partsOf(rest.join(';'));
  if (!parts) return undefined;
  const added = clientIdPlaceholder === undefined ? 'authentication=ActiveDirectoryMSI' : `authentication=ActiveDirectoryMSI;msiClientId=${clientIdPlaceholder}`;
  const rewritten = replaceParts(parts, (p) => jdbcDropped.has(p.key), added);
  return rewritten === undefined ? undefined : { value: `${url};${rewritten}`, kind: 'jdbc', host };
}

/**
 * The credential-free form of a SQL connection string, or undefined when it is not an Azure SQL string with a user
 * or password to drop. clientIdPlaceholder: the JDBC user-assigned identity's client ID (`${AZURE_CLIENT_ID}`).
 */
export function entraConnectionString(value: string, clientIdPlaceholder?: string): SqlRewrite | undefined {
  return /^jdbc\\?:/i.test(value) ? jdbc(value, clientIdPlaceholder) : adoNet(value);
}
