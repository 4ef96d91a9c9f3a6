// The system test files share one stack and some of them break it on purpose (and mend it): they
// run one at a time in the order their names give (01-..., 02-...), the user's flow first.
const Sequencer = require('@jest/test-sequencer').default;

module.exports = class FileOrderSequencer extends Sequencer {
  sort(tests) {
    return [...tests].sort((a, b) => a.path.localeCompare(b.path));
  }
};
