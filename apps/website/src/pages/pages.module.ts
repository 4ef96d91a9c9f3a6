import { Module } from '@nestjs/common';
import { CsrfTokens } from '../http/csrf';
import { PssServices } from '../services/pss-services';
import { AssetsController } from './assets.controller';
import { BookingsController } from './bookings.controller';
import { CheckinsController } from './checkins.controller';
import { SearchController } from './search.controller';

@Module({
  controllers: [SearchController, BookingsController, CheckinsController, AssetsController],
  providers: [PssServices, CsrfTokens],
})
export class PagesModule {}
