// Makes the secrets that compose and Swarm hand to the containers as files under /run/secrets, in
// one directory (default .secrets): a random password per account, and the files that carry them
// (connection URLs, the registry's accounts, RabbitMQ's users and permissions). A password that
// exists is kept (the databases were initialised with it); the files made from the passwords are
// written again every time, so that the two never disagree.
//   node tools/secrets/ensure-secrets.js [dir]
const { randomBytes } = require('node:crypto');
const { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { accounts } = require('./accounts');

const PASSWORD_BYTES = 18;

function ensureSecrets(dir) {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const password = (name) => {
    const file = join(dir, `${name}-password`);
    if (!existsSync(file)) write(file, randomBytes(PASSWORD_BYTES).toString('hex'));
    return readFileSync(file, 'utf8').trim();
  };
  for (const [name, content] of Object.entries(accounts(password))) write(join(dir, name), content);
}

// Readable inside the containers, whose users are not the host's (compose bind-mounts each file as
// it is); the directory, 0700, keeps them from the host's other users.
function write(file, content) {
  writeFileSync(file, content.endsWith('\n') ? content : `${content}\n`, { mode: 0o644 });
  chmodSync(file, 0o644);
}

module.exports = { ensureSecrets };

if (require.main === module) {
  const dir = resolve(process.argv[2] ?? '.secrets');
  ensureSecrets(dir);
  console.log(`[secrets] ${dir} holds the secrets (keep it: the databases are initialised with them)`);
}
