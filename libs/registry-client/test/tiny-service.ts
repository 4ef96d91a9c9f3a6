import { Controller, Get, Headers, Module } from '@nestjs/common';
import { bootstrapService, PlatformModule } from '@pss/platform';
import { RegistryClientModule } from '../src/registry-client.module';

/** A real tiny service for the tests and benchmarks: registers as TINY, answers who it is. */
@Controller()
class WhoAmIController {
  @Get('whoami')
  whoami(@Headers('x-request-id') requestId?: string) {
    return { port: Number(process.env['PORT']), requestId };
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
