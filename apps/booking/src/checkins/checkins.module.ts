import { Module } from '@nestjs/common';
import { CheckedInProjection } from './checked-in.projection';

@Module({ providers: [CheckedInProjection] })
export class CheckinsModule {}
