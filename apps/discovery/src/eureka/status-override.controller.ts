import { Controller, Delete, Param, Put, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { InstanceStatus } from '../registry/instance-info';
import { RegistryService } from '../registry-runtime/registry.service';
import { sendEmpty, sendText } from '../wire/negotiation';
import { eurekaPaths, isReplication } from './eureka-paths';
import { optionalTimestamp, statusParam } from './query-params';

type StatusChange = (status: InstanceStatus, lastDirty: number | undefined, fromPeer: boolean) => boolean;

/** Operator overrides: `PUT …/status?value=X` sets one, `DELETE …/status[?value=Y]` removes it. */
@ApiExcludeController()
@Controller(eurekaPaths('apps'))
export class StatusOverrideController {
  constructor(private readonly service: RegistryService) {}

  @Put(':app/:id/status')
  set(
    @Param('app') app: string,
    @Param('id') id: string,
    @Req() req: FastifyRequest,
    @Res() res: FastifyReply,
  ): void {
    this.change(req, res, undefined, (status, lastDirty, fromPeer) =>
      this.service.setStatusOverride(app.toUpperCase(), id, status, fromPeer, lastDirty),
    );
  }

  // Without a value the status becomes UNKNOWN, and the next heartbeat makes the client re-register.
  @Delete(':app/:id/status')
  remove(
    @Param('app') app: string,
    @Param('id') id: string,
    @Req() req: FastifyRequest,
    @Res() res: FastifyReply,
  ): void {
    this.change(req, res, 'UNKNOWN', (status, lastDirty, fromPeer) =>
      this.service.deleteStatusOverride(app.toUpperCase(), id, status, fromPeer, lastDirty),
    );
  }

  /** The Java server answers a bad `value` with 500; bad input here is a 400 that names it. */
  private change(
    req: FastifyRequest,
    res: FastifyReply,
    absent: InstanceStatus | undefined,
    apply: StatusChange,
  ): void {
    const query = req.query as Record<string, unknown>;
    const raw = query['value'];
    const status = raw === undefined ? absent : statusParam(raw);
    const lastDirty = optionalTimestamp(query['lastDirtyTimestamp']);
    if (!status)
      return sendText(res, 400, 'value must be one of UP, DOWN, STARTING, OUT_OF_SERVICE, UNKNOWN');
    if (lastDirty === null)
      return sendText(res, 400, 'lastDirtyTimestamp must be a timestamp in milliseconds');
    sendEmpty(res, apply(status, lastDirty, isReplication(req)) ? 200 : 404);
  }
}
