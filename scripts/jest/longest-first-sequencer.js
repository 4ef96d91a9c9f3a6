// Two suites run at a time: a long suite that starts late ends the run alone. Jest starts the
// suites it timed before longest first; on a fresh clone (CI) it has no timings, so these, the
// longest by far, start first, then the rest in jest's own order.
const Sequencer = require('@jest/test-sequencer').default;

const LONGEST = [
  'service-generator.int-spec',
  'crash-loop.int-spec',
  'checkin-cancel-race.int-spec',
  'replication-resilience.int-spec',
  'schedule-followers.int-spec',
];

const rank = (test) => {
  const index = LONGEST.findIndex((name) => test.path.endsWith(name + '.ts'));
  return index === -1 ? LONGEST.length : index;
};

module.exports = class LongestFirstSequencer extends Sequencer {
  async sort(tests) {
    const ordered = await super.sort(tests);
    return [...ordered].sort((a, b) => rank(a) - rank(b));
  }
};
