import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Built by the Dashboard's MSBuild target into ../wwwroot, which the ASP.NET Core host serves.
export default defineConfig({
  plugins: [react()],
  build: { outDir: '../wwwroot', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1000 },
  test: { environment: 'node', include: ['src/**/*.test.ts'] },
});
