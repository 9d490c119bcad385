import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { previewFileHeaders } from '../../config/preview-headers.ts';

// The start-up benchmark's floor page (scripts/startup-bench.ts), built and served apart from the
// app: the project's public/ (the models), served with the app's headers.
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [previewFileHeaders()],
  root: fileURLToPath(new URL('.', import.meta.url)),
  publicDir: fileURLToPath(new URL('../../public', import.meta.url)),
  preview: { headers: isolationHeaders },
  build: { outDir: fileURLToPath(new URL('../../dist-startup-floor', import.meta.url)), emptyOutDir: true },
});
