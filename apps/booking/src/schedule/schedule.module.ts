import { Module } from '@nestjs/common';
import { InventoryModule } from '../inventory/inventory.module';
import { ScheduleProjection } from './schedule.projection';

@Module({ imports: [InventoryModule], providers: [ScheduleProjection] })
export class ScheduleModule {}
