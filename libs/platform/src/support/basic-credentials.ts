import { createHash, timingSafeEqual } from 'node:crypto';

const sha256 = (text: string): Buffer => createHash('sha256').update(text).digest();

export const basicAuthorization = (username: string, password: string): string =>
  `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;

/** The `user:password` an Authorization header carries, or undefined when it is not HTTP basic. */
function userinfoOf(authorization: string | undefined): string | undefined {
  const match = /^basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization ?? '');
  return match ? Buffer.from(match[1], 'base64').toString('utf8') : undefined;
}

/**
 * One account. Headers are compared by digest in constant time, so neither the time an answer
 * takes nor the length of the secret tells a caller how close its guess was.
 */
export class BasicCredentials {
  private readonly digest: Buffer;

  constructor(
    readonly username: string,
    password: string,
  ) {
    this.digest = sha256(`${username}:${password}`);
  }

  /** True when the header carries exactly this account's user name and password. */
  matches(authorization: string | undefined): boolean {
    const userinfo = userinfoOf(authorization);
    return userinfo !== undefined && timingSafeEqual(sha256(userinfo), this.digest);
  }
}
