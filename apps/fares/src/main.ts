import { bootstrapService } from '@pss/platform';
import { AppModule } from './app.module';

// `node main.js` serves on PORT (8080); `node main.js migrate` migrates and seeds, then exits.
void bootstrapService(AppModule);
