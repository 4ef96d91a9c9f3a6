import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FieldProblem, ProblemMembers } from './problem-details';

class FieldProblemDocument implements FieldProblem {
  @ApiProperty({ example: 'flightNumber' }) field!: string;
  @ApiProperty({ example: 'flightNumber must look like BF101' }) detail!: string;
}

/** The problem+json body for OpenAPI: `@ApiNotFoundResponse({ type: ProblemDocument })`. */
export class ProblemDocument implements ProblemMembers {
  @ApiProperty({ example: 'about:blank' }) type!: string;
  @ApiProperty({ example: 'Bad Request' }) title!: string;
  @ApiProperty({ example: 400 }) status!: number;
  @ApiPropertyOptional({ example: 'Invalid flightNumber' }) detail?: string;
  @ApiPropertyOptional({ example: '/fares?flightNumber=B1' }) instance?: string;
  @ApiPropertyOptional({ example: '1f0c7a52-3c1e-4a55-9d1a-0c1f6f1e2b3a' }) requestId?: string;
  @ApiPropertyOptional({ type: [FieldProblemDocument], description: 'One entry per invalid field' })
  errors?: FieldProblem[];
}
