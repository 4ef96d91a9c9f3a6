import { bootstrapService } from '@pss/platform';
import { AppModule } from './app.module';

void bootstrapService(AppModule);
