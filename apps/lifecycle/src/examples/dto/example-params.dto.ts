import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class ExampleParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', { message: 'id must be a UUID' })
  id!: string;
}
