// Two suites run at a time: a long suite that starts late ends the run alone. Jest starts the
// suites it timed before longest first; on a fresh clone (CI) it has no timings, so these, the
// longest (clean-clone and local runs, 2026-12-04: from about 140 s down to 20 s), start first,
// longest first, then the rest in jest's own order.
const Sequencer = require('@jest/test-sequencer').default;

const LONGEST = [
  'e2e/test/service-generator.int-spec',
  'libs/messaging/test/crash-loop.int-spec',
  'apps/checkin/test/checkin-cancel-race.int-spec',
  'apps/checkin/test/broker-outage.int-spec',
  'apps/discovery/test/replication-resilience.int-spec',
  'apps/search/test/catch-up.int-spec',
  'libs/messaging/test/broker-outage.int-spec',
  'apps/checkin/test/checkins.int-spec',
  'libs/registry-client/test/registry-client.int-spec',
  'libs/messaging/test/relay-failures.int-spec',
  'apps/search/test/schedule-followers.int-spec',
  'apps/checkin/test/hostile-input.int-spec',
  'apps/booking/test/hostile-input.int-spec',
  'apps/fares/test/fares.int-spec',
  'libs/registry-client/test/service-http-client.int-spec',
];

const rank = (test) => {
  const index = LONGEST.findIndex((name) => test.path.endsWith(`/${name}.ts`));
  return index === -1 ? LONGEST.length : index;
};

module.exports = class LongestFirstSequencer extends Sequencer {
  async sort(tests) {
    const ordered = await super.sort(tests);
    return [...ordered].sort((a, b) => rank(a) - rank(b));
  }
};
