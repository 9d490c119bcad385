import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// `npm run docs:screenshots`: the same server and browser as the e2e tests, writing docs/*.png.
export default defineConfig({ ...base, testDir: 'e2e-docs', timeout: 300_000 });
