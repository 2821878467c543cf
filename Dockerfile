# syntax=docker/dockerfile:1
# fleetgraph gateway image. Build: docker build -t fleetgraph .
# Run:   docker run --init -p 4000:4000 -e HOST=0.0.0.0 -e FLEETGRAPH_AUTH_FILE=/etc/fleetgraph/access.yaml \
#          -v "$PWD/access.yaml:/etc/fleetgraph/access.yaml:ro" fleetgraph
# `tini` is PID 1 below, so signals reach node and zombies are reaped even without --init.

# --- build: compile TypeScript with the dev dependencies -------------------------------
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY schema ./schema
COPY resolvers ./resolvers
COPY scripts ./scripts
COPY bench ./bench
RUN npx tsc -p tsconfig.build.json

# --- runtime: production dependencies and the compiled output only -----------------------
FROM node:20-bookworm-slim AS runtime
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000 \
    DATA_DIR=/data
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# A fixed numeric non-root user, as Kubernetes' runAsNonRoot can verify it.
RUN groupadd --system --gid 10001 fleetgraph \
  && useradd --system --uid 10001 --gid 10001 --home-dir /nonexistent --shell /usr/sbin/nologin fleetgraph \
  && mkdir -p /data && chown 10001:10001 /data
USER 10001:10001
VOLUME ["/data"]
EXPOSE 4000
# node's own fetch: the slim image has no curl. /readyz is 503 while starting and stopping.
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node runs the built gateway directly (not `npm start`): no build step at start, and SIGTERM
# goes from tini straight to node, which drains (README, "Operating").
ENTRYPOINT ["/usr/bin/tini", "--"]
# --max-semi-space-size: as npm start gives it (scripts/start.mjs, README "Operating").
CMD ["node", "--max-semi-space-size=64", "dist/src/server/main.js"]
