import { createHash } from 'node:crypto';

/** Numbers in [0, 1) that the same seed always gives in the same order (SHA-256 in counter mode). */
export function seededRandom(seed: number): () => number {
  let counter = 0;
  return () => {
    const digest = createHash('sha256').update(`${seed}:${counter++}`).digest();
    return digest.readUIntBE(0, 6) / 2 ** 48;
  };
}
