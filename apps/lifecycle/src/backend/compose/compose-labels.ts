/** The labels compose puts on the containers it makes, and the ones PSS's images carry. */
export const PROJECT = 'com.docker.compose.project';
export const SERVICE = 'com.docker.compose.service';
export const NUMBER = 'com.docker.compose.container-number';
export const ONE_OFF = 'com.docker.compose.oneoff';
export const TITLE = 'org.opencontainers.image.title';
export const VERSION = 'org.opencontainers.image.version';
