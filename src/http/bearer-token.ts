import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Checks `Authorization: Bearer <token>` against the configured token in constant time. Both sides
 * are hashed first: timingSafeEqual needs equal lengths, and comparing lengths directly would tell
 * an attacker how long the token is.
 */
export function createTokenCheck(expected: string): (authorization: string | undefined) => boolean {
  const want = createHash('sha256').update(expected, 'utf8').digest();
  return (authorization) => {
    // RFC 6750 §2.1: the scheme is case-insensitive, the token follows one space.
    const match = /^Bearer ([\x21-\x7e]+)$/i.exec(authorization ?? '');
    const given = createHash('sha256').update(match?.[1] ?? '', 'utf8').digest();
    return timingSafeEqual(given, want) && match !== null;
  };
}
