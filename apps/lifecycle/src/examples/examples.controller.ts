import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ProblemDocument } from '@pss/platform';
import { ExampleParams } from './dto/example-params.dto';
import { Example, EXAMPLES } from './example';

@ApiTags('examples')
@Controller('examples')
export class ExamplesController {
  @Get(':id')
  @ApiOkResponse({ type: Example })
  @ApiBadRequestResponse({ type: ProblemDocument })
  @ApiNotFoundResponse({ type: ProblemDocument })
  find(@Param() { id }: ExampleParams): Example {
    const example = EXAMPLES.find((candidate) => candidate.id === id);
    if (!example) throw new NotFoundException(`No example ${id}`);
    return example;
  }
}
