import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// Debian's Chromium when present (CI installs it); otherwise Playwright's own browser.
const debianChromium = '/usr/lib/chromium/chromium';
const executablePath = existsSync(debianChromium) ? debianChromium : undefined;
// E2E_PORT / E2E_HUB_PORT let a second run go beside the first (each needs its own two ports).
const port = Number(process.env.E2E_PORT ?? 4317);
export const hubPort = Number(process.env.E2E_HUB_PORT ?? 4318);
export const enginePort = Number(process.env.E2E_ENGINE_PORT ?? hubPort + 100);
const outDir = port === 4317 ? 'dist' : `dist-e2e-${port}`;

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  reporter: process.env.CI ? 'list' : 'line',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      // The machine has no outbound network: keep Chromium from trying.
      args: ['--disable-quic', '--no-sandbox', '--enable-unsafe-webgpu'],
    },
  },
  // The production bundle, as users get it (the dev server runs React's slower development build).
  webServer: [
    // Its own build folder per port, so that a second run does not rebuild the files the first serves;
    // the stand-in hub joins the Content-Security-Policy's hub hosts (config/csp.ts).
    {
      command: `npx vite build --logLevel warn --outDir ${outDir} && npx vite preview --outDir ${outDir} --port ${port} --strictPort --host 127.0.0.1`,
      env: {
        RLM_HUB_ORIGINS: `https://huggingface.co https://*.huggingface.co https://*.hf.co http://127.0.0.1:${hubPort}`,
        RLM_ENGINE_ORIGINS: `http://127.0.0.1:${enginePort}`,
      },
      url: `http://127.0.0.1:${port}`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    // A stand-in for the Hugging Face hub, serving the project's own fixture model (e2e/hub.spec.ts).
    {
      command: `npx tsx e2e/hub/hub-cli.ts --root e2e/fixtures/hub --port ${hubPort}`,
      url: `http://127.0.0.1:${hubPort}/__hub/requests`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    // A TEST DOUBLE of a vLLM server over the embedded policy (e2e/engine.spec.ts).
    {
      command: `npx tsx scripts/engine-double.ts --port ${enginePort}`,
      url: `http://127.0.0.1:${enginePort}/v1/models`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
