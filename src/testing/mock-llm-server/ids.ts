import { createHash, randomBytes } from 'node:crypto';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `length` random letters and digits, the alphabet of OpenAI and Anthropic ids. */
export function randomAlphanumeric(length: number): string {
  return toAlphanumeric(randomBytes(length));
}

/** Up to 32 letters and digits derived from `seed`: the same seed always gives the same id. */
export function stableAlphanumeric(seed: string, length: number): string {
  return toAlphanumeric(createHash('sha256').update(seed).digest().subarray(0, length));
}

function toAlphanumeric(bytes: Uint8Array): string {
  let out = '';
  // 62 does not divide 256; the slight bias does not matter for ids of a test server.
  for (const byte of bytes) out += ALPHANUMERIC[byte % ALPHANUMERIC.length];
  return out;
}

/** `length` random lowercase hex digits. */
export function randomHex(length: number): string {
  return randomBytes(Math.ceil(length / 2))
    .toString('hex')
    .slice(0, length);
}
