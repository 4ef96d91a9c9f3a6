// What every PSS image is built as and tagged with: the project's version (package.json), the
// commit (with -dirty when the work tree has changes), the commit's time and the repository.
// `eval "$(node tools/build/image-version.js)"` exports them for compose's build args and tag
// (`--json` prints them as JSON); values already in the environment win (a release pipeline sets
// its own).
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const workspaceRoot = path.resolve(__dirname, '../..');

const git = (...args) => {
  try {
    return execFileSync('git', args, {
      cwd: workspaceRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return '';
  }
};

/** PSS_VERSION, PSS_REVISION, PSS_CREATED, PSS_SOURCE and PSS_IMAGE_TAG (`<version>-<revision>`). */
function imageVersion(env = process.env) {
  const commit = git('rev-parse', '--short=7', 'HEAD');
  const dirty = commit && git('status', '--porcelain', '--untracked-files=no') !== '';
  const version = env.PSS_VERSION || require(path.join(workspaceRoot, 'package.json')).version;
  const revision = env.PSS_REVISION || (commit ? `${commit}${dirty ? '-dirty' : ''}` : 'unknown');
  return {
    PSS_VERSION: version,
    PSS_REVISION: revision,
    PSS_CREATED: env.PSS_CREATED || git('log', '-1', '--format=%cI') || new Date().toISOString(),
    PSS_SOURCE: env.PSS_SOURCE || git('remote', 'get-url', 'origin'),
    PSS_IMAGE_TAG: env.PSS_IMAGE_TAG || `${version}-${revision}`,
  };
}

module.exports = { imageVersion };

if (require.main === module && process.argv.includes('--json')) {
  console.log(JSON.stringify(imageVersion()));
} else if (require.main === module) {
  const quote = (value) => `'${String(value).replace(/'/g, `'\\''`)}'`;
  for (const [name, value] of Object.entries(imageVersion())) console.log(`export ${name}=${quote(value)}`);
}
