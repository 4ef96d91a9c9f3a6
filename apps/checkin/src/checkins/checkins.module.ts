import { Module } from '@nestjs/common';
import { BookingDirectory } from '../booking/booking-directory';
import { CheckinConfig } from '../config/checkin-config';
import { SeatsModule } from '../seats/seats.module';
import { CreateCheckin } from './create-checkin.service';
import { CheckinReader } from './checkin-reader';
import { CheckinsController } from './checkins.controller';
import { UnsettledAgreements } from './unsettled-agreements';

@Module({
  imports: [SeatsModule],
  controllers: [CheckinsController],
  providers: [
    { provide: CheckinConfig, useFactory: () => CheckinConfig.fromEnvironment() },
    BookingDirectory,
    CheckinReader,
    CreateCheckin,
    UnsettledAgreements,
  ],
  exports: [CreateCheckin, CheckinReader],
})
export class CheckinsModule {}
