import { HttpStatus, NotFoundException, type HttpException } from '@nestjs/common';
import { ProblemException } from '@pss/platform';
import { upstreamFailure, type ServiceResponse } from '@pss/registry-client';

/**
 * What check-in answers when booking answered `response` (not 2xx): no such booking is a 404; a
 * conflict about the booking (cancelled, checked in by another check-in) is passed on with booking's
 * detail; anything else as every service answers another's failure (upstreamFailure): refused input
 * a 400, booking failing or overloaded a 503, booking refusing check-in's own call a 502.
 */
export async function refusalOf(response: ServiceResponse): Promise<HttpException> {
  if (response.status === HttpStatus.NOT_FOUND) {
    await response.body?.cancel();
    return new NotFoundException('No such booking');
  }
  if (response.status === HttpStatus.CONFLICT)
    return new ProblemException(HttpStatus.CONFLICT, (await detailOf(response)) ?? 'The booking conflicts');
  return upstreamFailure('booking', response);
}

async function detailOf(response: ServiceResponse): Promise<string | undefined> {
  try {
    const body = (await response.json()) as { detail?: unknown };
    return typeof body.detail === 'string' ? body.detail : undefined;
  } catch {
    return undefined;
  }
}
