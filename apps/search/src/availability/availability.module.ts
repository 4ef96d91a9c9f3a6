import { Module } from '@nestjs/common';
import { AvailabilityProjection } from './availability.projection';

@Module({ providers: [AvailabilityProjection] })
export class AvailabilityModule {}
