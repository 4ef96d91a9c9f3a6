import Tokens from '@fastify/csrf';
import { ForbiddenException, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

const SECRET_COOKIE = 'pss_csrf';
/** The form field every page form that changes something carries. */
export const CSRF_FIELD = '_csrf';

// A form's token is good for two hours after its page was served.
const tokens = new Tokens({ validity: 2 * 60 * 60 * 1000 });

/**
 * CSRF protection by a secret in an HTTP-only, same-site cookie and a token derived from it in
 * each form (@fastify/csrf's tokens): a page of another site can make a browser post a form here,
 * but cannot read the token it needs.
 */
@Injectable()
export class CsrfTokens {
  /** A token for the forms of the page being answered; sets the secret cookie on first use. */
  tokenFor(request: FastifyRequest, reply: FastifyReply): string {
    let secret = request.cookies[SECRET_COOKIE];
    if (!secret) {
      secret = tokens.secretSync();
      reply.setCookie(SECRET_COOKIE, secret, { path: '/', httpOnly: true, sameSite: 'strict' });
    }
    return tokens.create(secret);
  }
}

/** Refuses a form post without a valid token with 403, before the route runs. */
@Injectable()
export class CsrfGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const secret = request.cookies[SECRET_COOKIE];
    const token = (request.body as Record<string, unknown> | undefined)?.[CSRF_FIELD];
    if (!secret || typeof token !== 'string' || !tokens.verify(secret, token))
      throw new ForbiddenException(
        'This form has expired: please go back, reload the page and send it again.',
      );
    return true;
  }
}
