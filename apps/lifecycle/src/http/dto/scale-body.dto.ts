import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';

export class ScaleBody {
  @ApiProperty({ minimum: 0, description: 'How many replicas to run, at most LIFECYCLE_MAX_REPLICAS' })
  @Min(0, { message: 'replicas must be 0 or more' })
  @IsInt({ message: 'replicas must be a whole number' })
  replicas!: number;
}
