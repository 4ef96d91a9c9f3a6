import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { findById, vipView } from '../registry/registry-views';
import { RegistryService } from '../registry-runtime/registry.service';
import { applicationsJson } from '../wire/applications-json';
import { instanceJson } from '../wire/instance-json';
import { formatOf, render, sendEmpty, sendRendered } from '../wire/negotiation';
import { ResponseCache } from '../wire/response-cache';
import { EUREKA_PREFIXES } from './eureka-paths';

/** `/instances/{id}` (first match across apps), `/vips/{vip}` and `/svips/{svip}`. */
@ApiExcludeController()
@Controller(EUREKA_PREFIXES)
export class InstancesController {
  constructor(
    private readonly service: RegistryService,
    private readonly cache: ResponseCache,
  ) {}

  @Get('instances/:id')
  byId(@Param('id') id: string, @Req() req: FastifyRequest, @Res() res: FastifyReply): void {
    const lease = findById(this.service.registry, id);
    if (!lease) return sendEmpty(res, 404);
    sendRendered(req, res, render('instance', instanceJson(lease), formatOf(req)));
  }

  // An unknown VIP answers 200 with no application, as the server code does (the wiki says 404).
  @Get('vips/:vip')
  vip(@Param('vip') vip: string, @Req() req: FastifyRequest, @Res() res: FastifyReply): void {
    this.sendVip(vip, false, req, res);
  }

  @Get('svips/:vip')
  secureVip(@Param('vip') vip: string, @Req() req: FastifyRequest, @Res() res: FastifyReply): void {
    this.sendVip(vip, true, req, res);
  }

  private sendVip(vip: string, secure: boolean, req: FastifyRequest, res: FastifyReply): void {
    const build = () => ({
      root: 'applications',
      entity: applicationsJson(vipView(this.service.registry, vip, secure)),
    });
    sendRendered(req, res, this.cache.get(`${secure ? 'svip' : 'vip'}:${vip}`, formatOf(req), build));
  }
}
