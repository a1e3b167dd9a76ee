/**
 * TLS material for the simulator, made fresh at every start: a throw-away CA and a server
 * certificate it signs for 127.0.0.1, ::1 and localhost. Only the CA certificate leaves the
 * process (written as the PEM clients trust); no private key is ever written to disk.
 */
import { generate } from 'selfsigned';

export interface SimulatorCertificate {
  /** Server private key (PEM), kept in memory. */
  key: string;
  /** Server certificate (PEM), signed by `ca`. */
  cert: string;
  /** The CA certificate (PEM) that clients must trust explicitly. */
  ca: string;
}

const HOUR_MS = 60 * 60 * 1000;
/** How long the certificates are valid: a few days, as nothing outlives a simulator run. */
export const CERTIFICATE_VALIDITY_DAYS = 3;

/** Generates a CA and a server certificate (RSA 2048, SHA-256) valid for a few days. */
export async function createCertificate(now: Date = new Date()): Promise<SimulatorCertificate> {
  // An hour of slack before "now" tolerates small clock differences between processes.
  const notBeforeDate = new Date(now.getTime() - HOUR_MS);
  const notAfterDate = new Date(now.getTime() + CERTIFICATE_VALIDITY_DAYS * 24 * HOUR_MS);

  const ca = await generate(
    [
      { name: 'commonName', value: 'QR Room Invite Simulator CA' },
      { name: 'organizationName', value: 'QR Room Invite (local simulator, not trusted elsewhere)' },
    ],
    {
      keyType: 'rsa',
      keySize: 2048,
      algorithm: 'sha256',
      notBeforeDate,
      notAfterDate,
      extensions: [
        { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
        { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
      ],
    },
  );

  const server = await generate(
    [
      { name: 'commonName', value: 'localhost' },
      { name: 'organizationName', value: 'QR Room Invite (local simulator)' },
    ],
    {
      keyType: 'rsa',
      keySize: 2048,
      algorithm: 'sha256',
      notBeforeDate,
      notAfterDate,
      ca: { key: ca.private, cert: ca.cert },
      extensions: [
        { name: 'basicConstraints', cA: false, critical: true },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [
            { type: 2, value: 'localhost' },
            { type: 7, ip: '127.0.0.1' },
            { type: 7, ip: '::1' },
          ],
        },
      ],
    },
  );

  return { key: server.private, cert: server.cert, ca: ca.cert };
}
