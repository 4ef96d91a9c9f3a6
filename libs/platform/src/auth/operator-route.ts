import {
  applyDecorators,
  HttpStatus,
  Injectable,
  UseGuards,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { ApiBasicAuth, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ServiceConfig } from '../config/service-config';
import { ProblemException } from '../errors/problem.exception';

export const OPERATOR_REALM = 'PSS operator';

/** Lets a request through only with the operator account's HTTP basic credentials. */
@Injectable()
export class OperatorGuard implements CanActivate {
  constructor(private readonly config: ServiceConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const { authorization } = http.getRequest<FastifyRequest>().headers;
    if (this.config.operator?.matches(authorization)) return true;
    http.getResponse<FastifyReply>().header('www-authenticate', `Basic realm="${OPERATOR_REALM}"`);
    throw new ProblemException(HttpStatus.UNAUTHORIZED, 'This route needs the operator account');
  }
}

/** An operator route: 401 problem+json without the operator account (OPERATOR_USERNAME, OPERATOR_PASSWORD). */
export const OperatorRoute = () =>
  applyDecorators(
    UseGuards(OperatorGuard),
    ApiBasicAuth('operator'),
    ApiUnauthorizedResponse({ description: 'Without the operator account' }),
  );
