// A new instance becomes visible to other services within 3 s of coming up (target).
import { runWorker } from './bench-support';

runWorker('visibility.worker.ts');
