// Builds the web view (web/) into dist/web, which api/plugins/web.ts serves at `/`. Hashed file names under
// assets/ let the server cache them for a year; the graph code (cytoscape, elkjs) is its own chunk, loaded on demand.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: '/',
  publicDir: false,
  build: {
    outDir: here('../dist/web'),
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 2500,
  },
  logLevel: 'warn',
});
