# The website service. Every service image is built the same way: this file is rendered from
# tools/src/generators/dockerfile/files (edit it there, then `npx nx sync`).
#   docker build -f apps/website/website.Dockerfile --secret id=extra_ca,src=/etc/ssl/certs/ca-certificates.crt .
# The extra_ca secret is optional: the CA bundle of a TLS-inspecting proxy in front of the npm
# registry, used only while npm runs and never stored in a layer.
ARG NODE_IMAGE=node:24-trixie-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /workspace
COPY package.json package-lock.json ./
RUN --mount=type=secret,id=extra_ca,required=false --mount=type=cache,target=/root/.npm \
    NODE_EXTRA_CA_CERTS=/run/secrets/extra_ca npm ci --no-fund --no-audit --ignore-scripts
COPY tsconfig.base.json ./
COPY tools/build ./tools/build
COPY libs ./libs
COPY apps/website ./apps/website
RUN node tools/build/build-service.js apps/website

# Production dependencies: the workspace's run-time dependencies, the same files for every
# service, so that this layer is built once and shared by every image (each adds its bundle only).
FROM ${NODE_IMAGE} AS dependencies
WORKDIR /app
COPY --from=build /workspace/dist/runtime/package.json /workspace/dist/runtime/package-lock.json ./
RUN --mount=type=secret,id=extra_ca,required=false --mount=type=cache,target=/root/.npm \
    NODE_EXTRA_CA_CERTS=/run/secrets/extra_ca npm ci --omit=dev --no-fund --no-audit --ignore-scripts

# tini as PID 1 (signals forwarded, zombies reaped): the static binary alone, not apt's caches.
FROM ${NODE_IMAGE} AS init
RUN apt-get update && apt-get install -y --no-install-recommends tini

FROM ${NODE_IMAGE}
COPY --from=init /usr/bin/tini-static /usr/bin/tini
ENV NODE_ENV=production
WORKDIR /app
COPY --from=dependencies /app/node_modules ./node_modules
COPY --from=build /workspace/dist/apps/website/ ./
USER node
EXPOSE 8001
# What this image is (tools/build/image-version.js gives the values; compose passes them as build
# args): docker inspect shows it, and the service reports it at /info and in the registry.
ARG PSS_VERSION=dev
ARG PSS_REVISION=unknown
ARG PSS_CREATED=
ARG PSS_SOURCE=
LABEL org.opencontainers.image.title="pss-website" \
      org.opencontainers.image.version="${PSS_VERSION}" \
      org.opencontainers.image.revision="${PSS_REVISION}" \
      org.opencontainers.image.created="${PSS_CREATED}" \
      org.opencontainers.image.source="${PSS_SOURCE}"
ENV PSS_VERSION=${PSS_VERSION} PSS_REVISION=${PSS_REVISION}
# Probed by bash over /dev/tcp, not by a `node -e` fetch (a Node start costs ~0.3 s of CPU): every
# 3 s while it starts, then every 30 s, as docker-compose.yml paces the other containers' checks.
HEALTHCHECK --interval=30s --timeout=3s --start-period=120s --start-interval=3s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${PORT:-8001} && printf 'GET /health/started HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && read -r _ status _ <&3 && [ \"$status\" = 200 ]"]
ENTRYPOINT ["/usr/bin/tini", "--"]
# `node main.js migrate` migrates and seeds, then exits: a one-shot job before the service starts.
CMD ["node", "main.js"]
