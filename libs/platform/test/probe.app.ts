import { Body, Controller, Get, HttpCode, Injectable, Module, Param, Post, Query } from '@nestjs/common';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { LookupRateLimited } from '../src/http/lookup-rate-limit';
import { currentRequestId } from '../src/logging/request-context';
import { ServiceCommand } from '../src/commands/service-command';
import { PlatformModule } from '../src/platform.module';

class EchoQuery {
  @Matches(/^[A-Z]{3}$/, { message: 'code must be three capital letters' }) @IsString() code!: string;
  @Max(9) @Min(1) @IsInt() @Type(() => Number) count!: number;
}

/** A minimal service to drive the platform over HTTP in tests. */
@Controller('probe')
class ProbeController {
  static release?: () => void;

  @Get('echo')
  echo(@Query() query: EchoQuery): EchoQuery & { requestId?: string } {
    return { ...query, requestId: currentRequestId() };
  }

  @Get('echo/:code')
  echoPath(@Param('code') code: string): { code: string } {
    return { code };
  }

  @Post('echo')
  echoBody(@Body() body: EchoQuery): EchoQuery {
    return body;
  }

  /** A route that takes no body, as `POST /bookings/{id}/cancel`. */
  @Post('act')
  @HttpCode(200)
  act(): { acted: true } {
    return { acted: true };
  }

  @Get('lookup')
  @LookupRateLimited()
  lookup(@Query() query: EchoQuery): EchoQuery {
    return query;
  }

  @Get('crash')
  crash(): never {
    throw new Error('secret internal detail');
  }

  /** Answers only when the test calls `release`, to hold a request in flight. */
  @Get('slow')
  async slow(): Promise<{ done: true }> {
    await new Promise<void>((resolve) => (ProbeController.release = resolve));
    return { done: true };
  }
}

/** An operator command, as `node main.js probe:count a b` would run it. */
@Injectable()
export class CountCommand extends ServiceCommand {
  readonly name = 'probe:count';
  static lastArgs?: string[];

  async run(args: string[]): Promise<string> {
    CountCommand.lastArgs = args;
    return `counted ${args.length}`;
  }
}

@Module({
  imports: [PlatformModule.forRoot({ serviceName: 'probe' })],
  controllers: [ProbeController],
  providers: [CountCommand],
})
export class ProbeAppModule {}

/** Whether a request to /probe/slow is in its handler, waiting for `releaseSlowRequest`. */
export const slowRequestWaiting = (): boolean => ProbeController.release !== undefined;

export const releaseSlowRequest = (): void => {
  ProbeController.release?.();
  ProbeController.release = undefined;
};
