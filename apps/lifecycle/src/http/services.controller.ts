import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { OperatorRoute, ProblemDocument } from '@pss/platform';
import type { FastifyReply } from 'fastify';
import { PassThrough } from 'node:stream';
import { LifecycleConfig } from '../config/lifecycle-config';
import type { AutoscalingPolicy } from '../autoscaling/autoscaling-policy';
import { AutoscalingSettingsFile } from '../autoscaling/autoscaling-settings';
import { DecisionHistory, type RecordedDecision } from '../autoscaling/decision-history';
import { refusalOf, unknownService } from '../scaling/scale-plan';
import { Scaler } from '../scaling/scaler.service';
import { ServicesOverview, type Overview } from '../services/services-overview';
import { ScaleBody } from './dto/scale-body.dto';
import { refusalException } from './scale-refusal';

@ApiTags('services')
@Controller('services')
@OperatorRoute()
export class ServicesController {
  constructor(
    private readonly overview: ServicesOverview,
    private readonly scaler: Scaler,
    private readonly config: LifecycleConfig,
    private readonly decisions: DecisionHistory,
    private readonly autoscaling: AutoscalingSettingsFile,
  ) {}

  @Get()
  @ApiOkResponse({ description: "Each service's containers beside its registrations, and the drift" })
  services(): Promise<Overview> {
    return this.overview.overview();
  }

  /**
   * Answers 200 at once and streams the scale's steps as NDJSON, one Progress a line, ending with
   * `done` or `failed`: a scale outlives a client that stops listening.
   */
  @Post(':name/scale')
  @ApiOkResponse({ description: 'application/x-ndjson: one step of the scale a line' })
  @ApiBadRequestResponse({ type: ProblemDocument })
  @ApiNotFoundResponse({ type: ProblemDocument })
  async scale(
    @Param('name') name: string,
    @Body() body: ScaleBody,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const refusal = refusalOf(name, body.replicas, await this.overview.scalable(), this.config.maxReplicas);
    if (refusal) throw refusalException(refusal);
    this.scaler.claim(name);
    const lines = new PassThrough();
    void reply.code(200).type('application/x-ndjson').send(lines);
    this.scaler
      .scale(name, body.replicas, (progress) => lines.write(`${JSON.stringify(progress)}\n`))
      .catch(() => undefined) // reported as the `failed` line
      .finally(() => lines.end());
  }

  /** Its autoscaling policy (null when it has none enabled) and the policy's decisions, newest first. */
  @Get(':name/history')
  @ApiOkResponse({ description: 'Its autoscaling policy and the decisions it made, newest first' })
  @ApiNotFoundResponse({ type: ProblemDocument })
  async history(
    @Param('name') name: string,
  ): Promise<{ service: string; policy: AutoscalingPolicy | null; decisions: RecordedDecision[] }> {
    const unknown = unknownService(name, await this.overview.scalable());
    if (unknown) throw refusalException(unknown);
    return {
      service: name,
      policy: this.autoscaling.current.policies.get(name) ?? null,
      decisions: this.decisions.of(name),
    };
  }
}
