import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ServiceConfig } from '../config/service-config';

export class InfoResponse {
  @ApiProperty({ example: 'fares' }) service!: string;
  @ApiProperty({ example: '0.2.0', description: 'The release (`dev` when not run from an image)' })
  version!: string;
  @ApiProperty({ example: '1a2b3c4', description: 'The commit the image was built from' })
  revision!: string;
}

/** Which code runs here: what an operator checks after a deployment or a rollback. */
@ApiTags('health')
@Controller('info')
export class InfoController {
  constructor(private readonly config: ServiceConfig) {}

  @Get()
  @ApiOkResponse({ type: InfoResponse })
  info(): InfoResponse {
    return { service: this.config.serviceName, ...this.config.build };
  }
}
