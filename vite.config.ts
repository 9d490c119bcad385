import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy, engineOrigins, hubOrigins } from './config/csp.ts';
import { previewFileHeaders } from './config/preview-headers.ts';

// Cross-origin isolation lets onnxruntime-web use multi-threaded WASM in the page.
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

// The hub hosts the models may come from (config/csp.ts); RLM_HUB_ORIGINS replaces the default.
const hubs = hubOrigins(process.env.RLM_HUB_ORIGINS);
// The server engines the page may reach (engine=openai); RLM_ENGINE_ORIGINS, none by default.
const engines = engineOrigins(process.env.RLM_ENGINE_ORIGINS);

/**
 * The built pages carry the policy as their first <head> element, before any script loads. Not in
 * the dev server: its React refresh runs an inline script, and its CSS arrives as <style> tags.
 */
function cspMetaTag(): Plugin {
  return {
    name: 'rlm-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: {
          'http-equiv': 'Content-Security-Policy',
          content: contentSecurityPolicy({ hubs, engines, delivery: 'meta' }),
        },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  plugins: [react(), cspMetaTag(), previewFileHeaders()],
  server: { headers: isolationHeaders },
  // The header reaches the model worker too, which a <meta> tag cannot (config/csp.ts).
  preview: {
    headers: {
      ...isolationHeaders,
      'Content-Security-Policy': contentSecurityPolicy({ hubs, engines, delivery: 'header' }),
    },
  },
  worker: { format: 'es' },
  // bench.html: the benchmark's workload in the browser (npm run bench:browser); learn-bench.html:
  // the Learn view's store and worker without the view (npm run bench:learn, e2e/learn-buffer.spec.ts).
  build: {
    rolldownOptions: { input: { main: 'index.html', bench: 'bench.html', learn: 'learn-bench.html' } },
  },
});
