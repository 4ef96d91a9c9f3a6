import { createNodesFromFiles, type CreateNodesV2 } from '@nx/devkit';
import { inferTargets } from './inferred-targets';

/**
 * The workspace's Nx plugin: every project (apps/*, libs/*, tools) gets its targets from what its
 * folder holds, so a project.json says only what is particular to it (name, type, tags).
 */
export const createNodesV2: CreateNodesV2 = [
  '{apps/*,libs/*,tools,e2e}/project.json',
  (files, options, context) =>
    createNodesFromFiles(
      (file, _options, { workspaceRoot }) => ({
        projects: { [file.replace(/\/project\.json$/, '')]: inferTargets(file, workspaceRoot) },
      }),
      files,
      options,
      context,
    ),
];

export const createNodes = createNodesV2;
