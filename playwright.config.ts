import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// Debian's Chromium when present (CI installs it); otherwise Playwright's own browser.
const debianChromium = '/usr/lib/chromium/chromium';
const executablePath = existsSync(debianChromium) ? debianChromium : undefined;
// E2E_PORT / E2E_HUB_PORT let a second run go beside the first (each needs its own two ports).
const port = Number(process.env.E2E_PORT ?? 4317);
export const hubPort = Number(process.env.E2E_HUB_PORT ?? 4318);

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
    {
      command: `npx vite build --logLevel warn && npx vite preview --port ${port} --strictPort --host 127.0.0.1`,
      url: `http://127.0.0.1:${port}`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    // A stand-in for the Hugging Face hub, serving the project's own fixture model (e2e/hub.spec.ts).
    {
      command: `npx tsx e2e/hub/hub-server.ts --root e2e/fixtures/hub --port ${hubPort}`,
      url: `http://127.0.0.1:${hubPort}/__hub/requests`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});
