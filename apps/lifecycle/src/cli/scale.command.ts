import { Injectable } from '@nestjs/common';
import { ServiceCommand } from '@pss/platform';
import { LifecycleConfig } from '../config/lifecycle-config';
import { refusalOf } from '../scaling/scale-plan';
import { Scaler } from '../scaling/scaler.service';
import { ServicesOverview } from '../services/services-overview';
import { overviewTable, progressLine } from './tables';

/** `node main.js scale fares 3`: each step as it happens, then the table. */
@Injectable()
export class ScaleCommand extends ServiceCommand {
  readonly name = 'scale';

  constructor(
    private readonly overview: ServicesOverview,
    private readonly scaler: Scaler,
    private readonly config: LifecycleConfig,
  ) {
    super();
  }

  async run([name = '', count = '']: string[]): Promise<string> {
    const replicas = /^\d+$/.test(count) ? Number(count) : Number.NaN;
    const refusal = refusalOf(name, replicas, await this.overview.scalable(), this.config.maxReplicas);
    if (refusal) throw new Error(`usage: scale <service> <replicas>: ${refusal.detail}`);
    this.scaler.claim(name);
    await this.scaler.scale(name, replicas, (progress) =>
      process.stdout.write(`${progressLine(progress)}\n`),
    );
    process.stdout.write(`${overviewTable(await this.overview.overview())}\n`);
    return `${name} scaled to ${replicas}`;
  }
}
