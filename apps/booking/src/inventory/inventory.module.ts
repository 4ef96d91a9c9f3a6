import { Module } from '@nestjs/common';
import { BookingConfig } from '../config/booking-config';
import { InventoryController } from './inventory.controller';
import { SeatInventory } from './seat-inventory';

@Module({
  controllers: [InventoryController],
  providers: [{ provide: BookingConfig, useFactory: () => BookingConfig.fromEnvironment() }, SeatInventory],
  exports: [SeatInventory],
})
export class InventoryModule {}
