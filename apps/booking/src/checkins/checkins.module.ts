import { Module } from '@nestjs/common';
import { CheckinAgreementsController } from './check-in-agreements.controller';
import { CheckedInProjection } from './checked-in.projection';
import { UnconfirmedCheckins } from './unconfirmed-checkins';

@Module({
  controllers: [CheckinAgreementsController],
  providers: [CheckedInProjection, UnconfirmedCheckins],
})
export class CheckinsModule {}
