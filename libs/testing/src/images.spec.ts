import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { baseImages, parseImagesEnv, workspaceRoot } from './images';

describe('parseImagesEnv', () => {
  it('reads the pinned tags and ignores comments', () => {
    const images = parseImagesEnv(
      '# c\nNODE_IMAGE=node:1\n\nPOSTGRES_IMAGE=pg:2\nRABBITMQ_IMAGE = mq:3\nPROMETHEUS_IMAGE=p:4\n',
    );
    expect(images).toEqual({ node: 'node:1', postgres: 'pg:2', rabbitmq: 'mq:3', prometheus: 'p:4' });
  });

  it('names the missing variable', () => {
    expect(() => parseImagesEnv('NODE_IMAGE=node:1\nPOSTGRES_IMAGE=pg:2\n')).toThrow(/RABBITMQ_IMAGE/);
  });
});

describe('pinned base images', () => {
  it('agree with .nvmrc on the Node.js major version', () => {
    const nvmrcMajor = readFileSync(join(workspaceRoot, '.nvmrc'), 'utf8')
      .trim()
      .replace(/^v/, '')
      .split('.')[0];
    expect(baseImages.node).toMatch(new RegExp(`^node:${nvmrcMajor}-`));
  });

  it('are the only node, postgres, rabbitmq and prometheus tags the Dockerfiles and the compose file name', () => {
    const pinned = Object.values(baseImages);
    const files = [
      ...readdirSync(join(workspaceRoot, 'apps')).map((app) => join('apps', app, `${app}.Dockerfile`)),
      'docker-compose.yml',
    ].filter((file) => existsSync(join(workspaceRoot, file)));
    const stray = files.flatMap((file) =>
      [
        ...readFileSync(join(workspaceRoot, file), 'utf8').matchAll(
          /^\s*(?:FROM|image:)\s+((?:node|postgres|rabbitmq|prom\/prometheus):\S+)/gm,
        ),
      ]
        .map((match) => match[1])
        .filter((tag) => !pinned.includes(tag))
        .map((tag) => `${file}: ${tag}`),
    );
    expect(stray).toEqual([]);
  });
});
