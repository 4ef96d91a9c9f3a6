import { ApiProperty } from '@nestjs/swagger';

export class Example {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'the first example' })
  name!: string;
}

/** The examples it knows, held in memory: this service has no database. */
export const EXAMPLES: readonly Example[] = [
  { id: '00000000-0000-4000-8000-000000000001', name: 'the first example' },
];
