import type { Plugin } from 'vite';

/**
 * `vite preview` serves a file whose type it does not know as text, and so gzips it on the fly: the
 * .onnx weights (fp32, barely compressible) took the server hundreds of milliseconds each. Built
 * assets carry a hash of their content in their name: the browser may keep them for good (the
 * runtime's .wasm and its compiled code included) instead of asking again on every visit.
 */
export function previewFileHeaders(): Plugin {
  return {
    name: 'rlm-preview-file-headers',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0] ?? '';
        if (path.endsWith('.onnx')) res.setHeader('Content-Type', 'application/octet-stream');
        if (path.includes('/assets/')) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        next();
      });
    },
  };
}
