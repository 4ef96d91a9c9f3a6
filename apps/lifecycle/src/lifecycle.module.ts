import { Module } from '@nestjs/common';
import { Autoscaler } from './autoscaling/autoscaler.service';
import { AutoscalingSettingsFile } from './autoscaling/autoscaling-settings';
import { DecisionHistory } from './autoscaling/decision-history';
import { PrometheusFigures } from './autoscaling/prometheus-figures';
import { BACKEND } from './backend/backend';
import { ChosenBackend } from './backend/chosen-backend';
import { ScaleCommand } from './cli/scale.command';
import { StatusCommand } from './cli/status.command';
import { LifecycleConfig } from './config/lifecycle-config';
import { ServicesController } from './http/services.controller';
import { Scaler } from './scaling/scaler.service';
import { ServicesOverview } from './services/services-overview';

@Module({
  controllers: [ServicesController],
  providers: [
    { provide: LifecycleConfig, useFactory: () => LifecycleConfig.fromEnvironment() },
    { provide: BACKEND, useClass: ChosenBackend },
    ServicesOverview,
    Scaler,
    AutoscalingSettingsFile,
    PrometheusFigures,
    DecisionHistory,
    Autoscaler,
    StatusCommand,
    ScaleCommand,
  ],
})
export class LifecycleModule {}
