import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ServiceCommand } from '../commands/service-command';
import { revertLastMigration } from './migrate';

/**
 * `node main.js migrate:revert`: runs the newest applied migration's `down`, with the image that
 * has it, before the previous version is deployed (a rollback; docs/adr/0012).
 */
@Injectable()
export class RevertMigrationCommand extends ServiceCommand {
  readonly name = 'migrate:revert';

  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async run(): Promise<string> {
    const reverted = await revertLastMigration(this.dataSource);
    return reverted ? `reverted migration ${reverted}` : 'no migration to revert';
  }
}
