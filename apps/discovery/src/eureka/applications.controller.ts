import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { deltaView, fullView } from '../registry/registry-views';
import { RegistryService } from '../registry-runtime/registry.service';
import { applicationJson, applicationsJson } from '../wire/applications-json';
import { instanceJson } from '../wire/instance-json';
import { formatOf, render, sendEmpty, sendRendered } from '../wire/negotiation';
import { ResponseCache } from '../wire/response-cache';
import { eurekaPaths } from './eureka-paths';

@ApiExcludeController()
@Controller(eurekaPaths('apps'))
export class ApplicationsController {
  constructor(
    private readonly service: RegistryService,
    private readonly cache: ResponseCache,
  ) {}

  @Get()
  all(@Req() req: FastifyRequest, @Res() res: FastifyReply): void {
    const build = () => ({ root: 'applications', entity: applicationsJson(fullView(this.service.registry)) });
    sendRendered(req, res, this.cache.get('apps', formatOf(req), build));
  }

  // Declared before :app, so an application called DELTA can never shadow the delta (as in JAX-RS).
  @Get('delta')
  delta(@Req() req: FastifyRequest, @Res() res: FastifyReply): void {
    const build = () => ({
      root: 'applications',
      entity: applicationsJson(deltaView(this.service.registry)),
    });
    sendRendered(req, res, this.cache.get('delta', formatOf(req), build));
  }

  @Get(':app')
  application(@Param('app') app: string, @Req() req: FastifyRequest, @Res() res: FastifyReply): void {
    const name = app.toUpperCase();
    const leases = this.service.registry.group(name);
    if (!leases) return sendEmpty(res, 404);
    const build = () => ({ root: 'application', entity: applicationJson({ name, leases }) });
    sendRendered(req, res, this.cache.get(`app:${name}`, formatOf(req), build));
  }

  @Get(':app/:id')
  instance(
    @Param('app') app: string,
    @Param('id') id: string,
    @Req() req: FastifyRequest,
    @Res() res: FastifyReply,
  ): void {
    const registry = this.service.registry;
    const lease = registry.lease(app.toUpperCase(), id);
    const expired = lease?.isExpired(Date.now()) && registry.selfPreservation.leaseExpirationEnabled();
    if (!lease || expired) return sendEmpty(res, 404);
    sendRendered(req, res, render('instance', instanceJson(lease), formatOf(req)));
  }
}
