import { Module } from '@nestjs/common';
import { PlatformModule } from '@pss/platform';
import { faresDatabase } from './database/schema';
import { FaresModule } from './fares/fares.module';

@Module({
  imports: [
    PlatformModule.forRoot({
      serviceName: 'fares',
      defaultPort: 8080,
      description: 'Fares per flight number and date (BrownField PSS).',
      database: faresDatabase,
    }),
    FaresModule,
  ],
})
export class AppModule {}
