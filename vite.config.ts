// Vite builds the dashboard (web/) into dist/web, which `renkou serve` serves in production.
// In development (`npm run dev`), Vite serves web/ and forwards /api to `renkou serve` on PORT.
import { defineConfig } from 'vite';

const apiPort = process.env.PORT ?? '8080';

export default defineConfig({
  root: 'web',
  build: { outDir: '../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/api': `http://127.0.0.1:${apiPort}` } },
});
