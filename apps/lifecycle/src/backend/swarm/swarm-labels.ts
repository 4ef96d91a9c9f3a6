/** The labels `docker stack deploy` and Swarm put on services and their tasks' containers. */
export const STACK = 'com.docker.stack.namespace';
