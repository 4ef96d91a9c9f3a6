import { Controller, Delete, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { InvalidRegistration } from '../registry/invalid-registration';
import { LeaseHeldElsewhere } from '../registry/lease-held-elsewhere';
import { RegistryService } from '../registry-runtime/registry.service';
import { instanceJson } from '../wire/instance-json';
import { sendEmpty, sendText, sendUnreadable } from '../wire/negotiation';
import { readBody, rootOf, UnreadableBody } from '../wire/request-body';
import { eurekaPaths, isReplication } from './eureka-paths';
import { optionalTimestamp, queryStrings } from './query-params';

/** Writes answer with bare status codes, as the real server does (204 register, 200/404 others). */
@ApiExcludeController()
@Controller(eurekaPaths('apps'))
export class RegistrationController {
  constructor(private readonly service: RegistryService) {}

  @Post(':app')
  register(@Param('app') app: string, @Req() req: FastifyRequest, @Res() res: FastifyReply): void {
    try {
      const instance = rootOf(readBody(req), 'instance');
      this.service.register(this.service.parse(instance, app.toUpperCase()), isReplication(req));
      sendEmpty(res, 204);
    } catch (error) {
      if (error instanceof InvalidRegistration) return sendText(res, 400, error.message);
      if (error instanceof LeaseHeldElsewhere) return sendText(res, 409, error.message);
      if (error instanceof UnreadableBody) return sendUnreadable(res);
      throw error;
    }
  }

  @Put(':app/:id')
  renew(
    @Param('app') app: string,
    @Param('id') id: string,
    @Query('lastDirtyTimestamp') lastDirty: unknown,
    @Req() req: FastifyRequest,
    @Res() res: FastifyReply,
  ): void {
    const lastDirtyTimestamp = optionalTimestamp(lastDirty);
    if (lastDirtyTimestamp === null) return sendEmpty(res, 400);
    const outcome = this.service.renew(app.toUpperCase(), id, isReplication(req), lastDirtyTimestamp);
    const lease = this.service.registry.lease(app.toUpperCase(), id);
    if (outcome.kind === 'conflict' && lease)
      return void res.status(409).send({ instance: instanceJson(lease) });
    sendEmpty(res, outcome.kind === 'renewed' ? 200 : 404);
  }

  @Delete(':app/:id')
  cancel(
    @Param('app') app: string,
    @Param('id') id: string,
    @Req() req: FastifyRequest,
    @Res() res: FastifyReply,
  ): void {
    sendEmpty(res, this.service.cancel(app.toUpperCase(), id, isReplication(req)) ? 200 : 404);
  }

  @Put(':app/:id/metadata')
  metadata(
    @Param('app') app: string,
    @Param('id') id: string,
    @Req() req: FastifyRequest,
    @Res() res: FastifyReply,
  ): void {
    try {
      const entries = queryStrings(req.query as Record<string, unknown>);
      sendEmpty(res, this.service.updateMetadata(app.toUpperCase(), id, entries) ? 200 : 404);
    } catch (error) {
      if (error instanceof InvalidRegistration) return sendText(res, 400, error.message);
      throw error;
    }
  }
}
