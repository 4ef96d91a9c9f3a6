import { All, Controller, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Edge } from './edge';

/** `/api/{service}/...`: the services' own OpenAPI documents describe what is behind it. */
@ApiExcludeController()
@Controller('api')
export class EdgeController {
  constructor(private readonly edge: Edge) {}

  @All(':service/*')
  forward(
    @Param('service') service: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.edge.forward(service, request, reply);
  }
}
