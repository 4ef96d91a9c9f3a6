import {
  BadGatewayException,
  HttpStatus,
  NotFoundException,
  ServiceUnavailableException,
} from '@nestjs/common';
import { ProblemException } from '@pss/platform';

/** Statuses of booking's that mean the same to check-in's caller, passed on with booking's detail. */
const PASSED_ON = new Set<number>([
  HttpStatus.CONFLICT,
  HttpStatus.BAD_REQUEST,
  HttpStatus.UNPROCESSABLE_ENTITY,
]);

/**
 * What check-in answers when booking answered `response` (not 2xx): no such booking is a 404; a
 * refusal about the booking or the request is passed on; booking failing or overloaded is a 503
 * (the caller may retry); any other refusal is booking refusing check-in itself, a 502.
 */
export async function refusalOf(response: Response): Promise<Error> {
  const { status } = response;
  const detail = await detailOf(response);
  if (status === HttpStatus.NOT_FOUND) return new NotFoundException('No such booking');
  if (PASSED_ON.has(status))
    return new ProblemException(status, detail ?? `The booking service answered ${status}`);
  if (status >= 500 || status === HttpStatus.TOO_MANY_REQUESTS)
    return new ServiceUnavailableException(`The booking service answered ${status}; try again shortly.`);
  return new BadGatewayException(`The booking service refused check-in's call with ${status}`);
}

async function detailOf(response: Response): Promise<string | undefined> {
  try {
    const body = (await response.json()) as { detail?: unknown };
    return typeof body.detail === 'string' ? body.detail : undefined;
  } catch {
    return undefined;
  }
}
