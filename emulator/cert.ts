import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';

/**
 * A self-signed certificate for 127.0.0.1 and localhost, made at start with `selfsigned` (a small, well-kept
 * library on WebCrypto: no openssl binary needed, same on every machine). ECDSA P-256 keeps generation in
 * milliseconds. The PEM is written to a fresh temp dir so other processes (the extension, NODE_EXTRA_CA_CERTS) can
 * trust it.
 */
export interface EmulatorCertificate {
  key: string;
  cert: string;
  caPath: string;
}

let cached: Promise<{ key: string; cert: string }> | undefined;

async function makeCertificate(): Promise<{ key: string; cert: string }> {
  const notBeforeDate = new Date(Date.now() - 60_000);
  const notAfterDate = new Date(notBeforeDate.getTime() + 365 * 24 * 3600 * 1000);
  const pems = await generate([{ name: 'commonName', value: 'Keyless ARM emulator' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyCertSign: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }, { type: 2, value: 'localhost' }] },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}

/** One key pair per process (tests start many emulators); each start still writes its own PEM file. */
export async function createCertificate(): Promise<EmulatorCertificate> {
  cached ??= makeCertificate();
  const { key, cert } = await cached;
  const dir = mkdtempSync(join(tmpdir(), 'keyless-arm-emulator-'));
  const caPath = join(dir, 'ca.pem');
  writeFileSync(caPath, cert, { mode: 0o644 });
  return { key, cert, caPath };
}
