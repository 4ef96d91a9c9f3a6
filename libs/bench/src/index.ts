// Benchmark machinery for `npm run bench`: load, pgbench floors, CPU profiles, services measured
// side by side in containers. Benchmarks only.
export { describeLoad, describeMachine, measureLoad, type LoadOptions, type LoadResult } from './load';
export { printCpuProfile, summarizeCpuProfile, type ProfileShare } from './cpu-profile';
export { watchMachineCpu, type MachineCpu } from './machine-cpu';
export { percentile } from './percentile';
export { atSteadyRate } from './steady-rate';
export { runPgbench, type PgbenchOptions, type PgbenchResult } from './pgbench';
export {
  compareUnderLoad,
  printRatios,
  profileUnderLoad,
  residentMemory,
  serviceBench,
  type Candidate,
  type ServiceBench,
  type ServiceBenchSpec,
} from './service-bench';
export { searchServiceBench, seedSearchWithReferenceSales } from './reference-sales';
export {
  BOOKING_REFERENCES,
  CHECKIN_SEATS,
  bookingTransaction,
  checkinTransaction,
  PGBENCH_MARKS,
  searchQuery,
  type Route,
} from './journey-statements';
