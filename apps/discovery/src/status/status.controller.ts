import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { RegistryConfig } from '../config/registry-config';
import { REGISTRY_CONFIG } from '../config/registry-config.token';
import { RegistryService } from '../registry-runtime/registry.service';
import { registryStatus } from './registry-status';
import { statusPage } from './status-page';

@ApiTags('status')
@Controller()
export class StatusController {
  constructor(
    private readonly service: RegistryService,
    @Inject(REGISTRY_CONFIG) private readonly config: RegistryConfig,
  ) {}

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiOkResponse({ description: 'HTML page listing the registered instances' })
  page(): string {
    return statusPage(registryStatus(this.service.registry, this.config));
  }

  @Get('eureka/status')
  @ApiOkResponse({ description: 'Mode, self-preservation, peers and instances as JSON' })
  status() {
    return registryStatus(this.service.registry, this.config);
  }

  @Get('eureka/serverinfo/statusoverrides')
  @ApiOkResponse({ description: 'Status overrides by instance id' })
  overrides() {
    return this.service.registry.statusOverrides();
  }
}
