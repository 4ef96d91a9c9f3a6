import { HttpException } from '@nestjs/common';

/**
 * An answer that tells the client more than a status and a sentence: its `extensions` become
 * members of the problem+json body (RFC 9457 §3.2), e.g. the current fare beside "fare does not match".
 */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    detail: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail, status);
  }
}
