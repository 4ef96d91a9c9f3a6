import { Module } from '@nestjs/common';
import { PlatformModule } from '@pss/platform';
import { RegistryClientModule } from '@pss/registry-client';
import { EdgeModule } from './edge/edge.module';
import { configureWebsiteHttp } from './http/configure-http';
import { answerMissingPagesWithAPage } from './pages/page-not-found.filter';
import { PagesModule } from './pages/pages.module';

@Module({
  imports: [
    PlatformModule.forRoot({
      serviceName: 'website',
      defaultPort: 8001,
      description: "BrownField's passenger website, and the edge of the public API (/api/{service}/...).",
      configureHttp: async (app) => {
        await configureWebsiteHttp(app);
        answerMissingPagesWithAPage(app);
      },
    }),
    RegistryClientModule.forRoot({ appName: 'WEBSITE' }),
    EdgeModule,
    PagesModule,
  ],
})
export class AppModule {}
