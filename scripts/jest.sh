#!/usr/bin/env bash
# Jest as every script and target runs it: CommonJS tests, with Node's VM modules on so that jest
# can require() the npm packages that ship only as ES modules (docs/adr/0001).
exec node --experimental-vm-modules --disable-warning=ExperimentalWarning \
  "$(dirname "$0")/../node_modules/jest/bin/jest.js" "$@"
