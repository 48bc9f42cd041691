# One image for every devgraph process; docker-compose picks the program per service
# (`node dist/<name>.js`). The build stage compiles the TypeScript once with esbuild; the image
# runs that JavaScript on production dependencies only, as a non-root user.
# Node 24 is the active LTS. devgraph itself still runs on Node 20.19+ (see README).

# Only the package manifests, in their folders: `npm ci` needs every workspace's package.json,
# and the install layers below stay cached until one of them changes (a new workspace included).
FROM node:24-bookworm-slim AS manifests
WORKDIR /app
COPY . .
RUN find . -type f ! -name package.json ! -name package-lock.json -delete && find . -type d -empty -delete

FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY --from=manifests /app ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=manifests /app ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
# The programs read files next to their sources (each subgraph's schema.graphql, the demo
# catalog and queries), so the tree keeps its layout; the TypeScript in it is never loaded.
COPY . .
COPY --from=build /app/dist ./dist
USER node
EXPOSE 4000
# Production gateway: serves SUPERGRAPH_PATH, or composes the repo's schemas for SUBGRAPHS first.
CMD ["node", "dist/serve-gateway.js"]
