import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { PlatformOptions } from '../platform-options';

/** Swagger UI at /docs, the document at /docs/json. */
export function setupOpenApi(app: INestApplication, options: PlatformOptions): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(`PSS ${options.serviceName}`)
      .setDescription(options.description ?? `The ${options.serviceName} service of BrownField PSS.`)
      .setVersion(options.version ?? '1.0')
      .addBasicAuth(undefined, 'operator')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/json', yamlDocumentUrl: 'docs/yaml' });
}
