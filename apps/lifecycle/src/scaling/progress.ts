/** One step of a scale, as it happens: streamed to the HTTP caller and printed by the CLI. */
export interface Progress {
  /** ISO 8601 UTC. */
  at: string;
  service: string;
  step:
    | 'plan'
    | 'created'
    | 'healthy'
    | 'registered'
    | 'out-of-service'
    | 'drained'
    | 'removed'
    | 'done'
    | 'failed';
  /** The container the step is about. */
  container?: string;
  detail: string;
}

export type ProgressListener = (progress: Progress) => void;
