// An instance killed without deregistering: no failed call for the caller, and it stops being
// tried within 5 s (targets).
import { runWorker } from './bench-support';

runWorker('killed-instance.worker.ts');
