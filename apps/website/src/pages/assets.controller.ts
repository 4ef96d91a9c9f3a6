import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PRINT_SCRIPT } from '../assets/print-script';
import { STYLESHEET, STYLESHEET_PATH } from '../assets/stylesheet';

const FOR_A_YEAR = 'public, max-age=31536000, immutable';

/** The site's own assets: nothing is loaded from anywhere else. */
@ApiExcludeController()
@Controller()
export class AssetsController {
  @Get(STYLESHEET_PATH)
  stylesheet(@Res() reply: FastifyReply): void {
    reply
      .header('content-type', 'text/css; charset=utf-8')
      .header('cache-control', FOR_A_YEAR)
      .send(STYLESHEET);
  }

  @Get('assets/print.js')
  printScript(@Res() reply: FastifyReply): void {
    reply
      .header('content-type', 'text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(PRINT_SCRIPT);
  }
}
