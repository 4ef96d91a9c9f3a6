import { Controller, Get, Headers, Module, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { bootstrapService, PlatformModule } from '@pss/platform';
import { RegistryClientModule } from '../src/registry-client.module';

/** A real tiny service for the tests and benchmarks: registers as TINY, answers who it is. */
@Controller()
class WhoAmIController {
  @Get('whoami')
  whoami(@Req() request: FastifyRequest, @Headers('x-request-id') requestId?: string) {
    // The port it listens on: it may have been started on PORT=0.
    return { port: request.socket.localPort, requestId };
  }
}

@Module({
  imports: [
    PlatformModule.forRoot({ serviceName: 'tiny' }),
    RegistryClientModule.forRoot({ appName: 'TINY' }),
  ],
  controllers: [WhoAmIController],
})
class TinyModule {}

void bootstrapService(TinyModule);
