import { Controller, Get, HttpStatus, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { ReadinessService } from './readiness.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: ReadinessService) {}

  @Get('live')
  @ApiOkResponse({ description: 'The process is up.' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * The container's health check: 503 until readiness first passed (checked again at each probe,
   * so a service is seen started at once), then 200 for the rest of the process's life. What waits
   * for a service (compose's service_healthy, a Swarm rolling update before it stops an old replica)
   * thus waits until it serves, not only until it listens; and a dependency that goes away later
   * makes it not ready, never a container that the engine replaces.
   */
  @Get('started')
  @ApiOkResponse({ description: 'The service has been ready once.' })
  @ApiServiceUnavailableResponse({ description: 'The service has not been ready yet.' })
  async started(
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<{ status: 'started' | 'starting' }> {
    if (!this.readiness.started && this.readiness.state === 'STARTING')
      await this.readiness.evaluate().catch(() => undefined);
    if (this.readiness.started) return { status: 'started' };
    response.status(HttpStatus.SERVICE_UNAVAILABLE);
    return { status: 'starting' };
  }

  /** Terminus' own body (status, info, error, details) with 200 or 503, as probes expect. */
  @Get('ready')
  @HealthCheck()
  @ApiServiceUnavailableResponse({ description: 'A dependency is down or the service is stopping.' })
  async ready(@Res({ passthrough: true }) response: FastifyReply): Promise<object> {
    if (this.readiness.state === 'STOPPING') {
      response.status(HttpStatus.SERVICE_UNAVAILABLE);
      return { status: 'shutting_down', info: {}, error: {}, details: {} };
    }
    try {
      return await this.readiness.evaluate();
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      response.status(HttpStatus.SERVICE_UNAVAILABLE);
      return error.getResponse() as object;
    }
  }
}
