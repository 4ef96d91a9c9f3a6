import { Module } from '@nestjs/common';
import { Edge } from './edge';
import { EdgeController } from './edge.controller';

@Module({ controllers: [EdgeController], providers: [Edge] })
export class EdgeModule {}
