# One image for every devgraph process; docker-compose picks the entry point per service.
# TypeScript runs through tsx, so the image ships sources and no build step can drift from them.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
COPY packages/runtime/package.json packages/runtime/
COPY packages/simulator-kit/package.json packages/simulator-kit/
COPY gateway/package.json gateway/
COPY subgraphs/catalog/package.json subgraphs/catalog/
COPY subgraphs/scm/package.json subgraphs/scm/
COPY subgraphs/incidents/package.json subgraphs/incidents/
COPY subgraphs/experiments/package.json subgraphs/experiments/
# tsx is a dev dependency of the workspace and is how every entry point runs.
RUN npm ci --include=dev && npm cache clean --force
COPY . .
USER node
EXPOSE 4000
CMD ["node", "--import", "tsx", "gateway/src/main.ts"]
