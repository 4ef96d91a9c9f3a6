import type { Replica } from '../backend';

/** A task as the engine's API lists it: the fields lifecycle reads. */
export interface TaskInfo {
  ID: string;
  ServiceID: string;
  Slot?: number;
  DesiredState: string;
  Status: { State: string; Timestamp?: string };
  Spec: { ContainerSpec: { Image: string } };
  NetworksAttachments?: { Addresses?: string[] }[];
}

/**
 * A Swarm task as a replica. A task of a service with a health check stays `starting` until the
 * check passes, so `running` already means healthy: no health of its own.
 */
export function replicaOfTask(task: TaskInfo, serviceName: string): Replica {
  const { State: state, Timestamp } = task.Status;
  const image = task.Spec.ContainerSpec.Image;
  return {
    id: task.ID,
    name: `${serviceName}.${task.Slot ?? 0}`,
    number: task.Slot ?? 0,
    state,
    image,
    version: /:([^:@/]+)(@|$)/.exec(image)?.[1],
    startedAt: state === 'running' ? Timestamp : undefined,
    addresses: (task.NetworksAttachments ?? [])
      .flatMap((attachment) => attachment.Addresses ?? [])
      .map((cidr) => cidr.split('/')[0]),
  };
}
