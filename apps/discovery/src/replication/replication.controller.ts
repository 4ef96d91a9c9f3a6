import { Controller, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { EUREKA_PREFIXES } from '../eureka/eureka-paths';
import type { ReplicationAction } from '../peers/replication-action';
import { sendUnreadable } from '../wire/negotiation';
import { readBody, rootOf, UnreadableBody } from '../wire/request-body';
import { ReplicationBatchHandler } from './replication-batch.handler';

/** `POST /peerreplication/batch/`: every item is applied as a replicated write, never sent on. */
@ApiExcludeController()
@Controller(EUREKA_PREFIXES.map((prefix) => `${prefix}/peerreplication`))
export class ReplicationController {
  constructor(private readonly handler: ReplicationBatchHandler) {}

  @Post('batch')
  batch(@Req() req: FastifyRequest, @Res() res: FastifyReply): void {
    let list: unknown;
    try {
      list = rootOf(readBody(req), 'replicationList');
    } catch (error) {
      if (error instanceof UnreadableBody) return sendUnreadable(res);
      throw error;
    }
    if (!Array.isArray(list)) return sendUnreadable(res, 'replicationList must be an array');
    const responseList = list.map((item: ReplicationAction) => this.handler.apply(item ?? {}));
    res.status(200).send({ responseList });
  }
}
