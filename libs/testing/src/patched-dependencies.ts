/**
 * A Node script, for `node -e`, that loads the packages patches/ fixes and prints one JSON line of
 * what loading them cost (ADR 0004): how many Intl.DateTimeFormat were made, and whether
 * libphonenumber-js and multer were loaded. Unit tests run it here, the image tests in the image.
 */
export const patchedDependenciesProbe = `
  let dateFormats = 0;
  const { DateTimeFormat } = Intl;
  Intl.DateTimeFormat = function (...args) { dateFormats++; return new DateTimeFormat(...args); };
  require('@nestjs/common');
  require('class-validator');
  require('@nestjs/platform-express');
  const loaded = (request) => require.resolve(request) in require.cache;
  const cost = { dateFormats, libphonenumber: loaded('libphonenumber-js/max'), multer: loaded('multer') };
  process.stdout.write(JSON.stringify(cost) + '\\n');`;

/** What the probe prints with every fix applied. */
export const patchedLoadingCost = { dateFormats: 0, libphonenumber: false, multer: false };
