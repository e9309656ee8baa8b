# pathwarden API/CLI image: build the TypeScript in one stage, ship only dist/, bin/, queries/, examples/ and the
# production dependencies in a slim Node 20 image that runs as the unprivileged `node` user.
# Build: docker build -t pathwarden:local .   Run: docker run --rm pathwarden:local --help

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# NOTE: --ignore-scripts: `prepare` would build before the sources are copied; the build runs below.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund \
 && mkdir -p queries examples

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/bin ./bin
COPY --from=build /app/queries ./queries
COPY --from=build /app/examples ./examples
USER node
EXPOSE 8080
ENTRYPOINT ["node", "bin/pathwarden.js"]
CMD ["--help"]
