// Vite build of the dashboard: `vite build web` writes web/dist, which `distillwatch serve` serves at `/`.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // Relative asset URLs: the built files work wherever the server mounts them.
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  // `npx vite web` (hot reload) talks to a `distillwatch serve --port 8080` running beside it.
  server: { proxy: { '/v1': 'http://127.0.0.1:8080' } },
});
