import { Injectable } from '@nestjs/common';
import { ServiceCommand } from '@pss/platform';
import { ServicesOverview } from '../services/services-overview';
import { overviewTable } from './tables';

/** `node main.js status`: what runs and what the registry lists, as a table. */
@Injectable()
export class StatusCommand extends ServiceCommand {
  readonly name = 'status';

  constructor(private readonly overview: ServicesOverview) {
    super();
  }

  async run(): Promise<string> {
    const overview = await this.overview.overview();
    process.stdout.write(`${overviewTable(overview)}\n`);
    const drift = overview.services.reduce((sum, service) => sum + service.drift.length, 0);
    return `${overview.services.length} services, ${drift} drift`;
  }
}
