/**
 * Reading the extra CA file of the settings (or the CLI's --ca). Every failure — no such file,
 * not a regular file, unreadable, too large, not a PEM certificate — gives the same message, so
 * the setting cannot be used to find out which files exist or what they hold (security review,
 * finding 2: `/nonexistent` said ENOENT, `/etc/shadow` a TLS error).
 */
import { X509Certificate } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';

/** A CA bundle is a few kilobytes; a larger file (or a device like /dev/zero) is not one. */
const MAX_CA_FILE_BYTES = 1024 * 1024;
const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/gu;

/** What is wrong, wherever the path came from (the CLI's --ca says it after the option's name). */
export const EXTRA_CA_PROBLEM = 'The extra CA file cannot be used: it must be a readable PEM file of certificates';
export const EXTRA_CA_UNUSABLE = `${EXTRA_CA_PROBLEM} (check its path in Settings)`;

export class ExtraCaError extends Error {
  override readonly name = 'ExtraCaError';
  constructor() {
    super(EXTRA_CA_UNUSABLE);
  }
}

/** The PEM text of the file's certificates; throws ExtraCaError (one message) for anything else. */
export function loadExtraCa(path: string): string {
  try {
    const stats = statSync(path);
    if (!stats.isFile() || stats.size > MAX_CA_FILE_BYTES) throw new ExtraCaError();
    const pems = readFileSync(path, 'utf8').match(PEM_CERTIFICATE) ?? [];
    if (pems.length === 0) throw new ExtraCaError();
    // Throws on a block that is not a certificate.
    for (const pem of pems) new X509Certificate(pem);
    return pems.join('\n');
  } catch {
    throw new ExtraCaError();
  }
}
