import react from '@vitejs/plugin-react';
import type { HtmlTagDescriptor, Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const apiTarget = process.env.HEATMAP_API_URL ?? 'http://127.0.0.1:8080';

/**
 * main.tsx is a tiny entry that starts the first API reads and then imports the app. Vite would
 * fetch that import's chunks only once the entry has run; this adds them to index.html as
 * modulepreload (and their CSS as stylesheets), so the app downloads in parallel with the entry and
 * with those reads. Only the entry's own dynamic imports, what they import statically and the
 * libraries' lazy chunks (luma.gl's WebGL device, imported as deck.gl starts): the app's own lazy
 * chunks stay on demand.
 */
function preloadAppChunks(): Plugin {
  let base = '/';
  return {
    name: 'heatmap:preload-app-chunks',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk: entry }) {
        if (!bundle || !entry) return;
        const scripts = new Set<string>();
        const styles = new Set<string>();
        const visit = (fileName: string) => {
          const chunk = bundle[fileName];
          if (chunk?.type !== 'chunk' || chunk.isEntry || scripts.has(fileName)) return;
          scripts.add(fileName);
          for (const css of chunk.viteMetadata?.importedCss ?? []) styles.add(css);
          for (const imported of chunk.imports) visit(imported);
          // A library's own lazy pieces are wanted at start-up (luma.gl loads its WebGL device so).
          for (const imported of chunk.dynamicImports) {
            if (
              bundle[imported]?.type === 'chunk' &&
              bundle[imported].facadeModuleId?.includes('/node_modules/')
            )
              visit(imported);
          }
        };
        for (const fileName of entry.dynamicImports) visit(fileName);
        for (const fileName of entry.imports) scripts.delete(fileName);
        const tags: HtmlTagDescriptor[] = [];
        for (const fileName of styles)
          tags.push({
            tag: 'link',
            attrs: { rel: 'stylesheet', crossorigin: true, href: `${base}${fileName}` },
            injectTo: 'head',
          });
        for (const fileName of scripts)
          tags.push({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${fileName}` },
            injectTo: 'head',
          });
        return tags;
      },
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), preloadAppChunks()],
  server: { proxy: { '/api': apiTarget } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // maplibre + deck.gl are one big map chunk by nature; the warning threshold is set to our own budget.
    chunkSizeWarningLimit: 2500,
    rolldownOptions: {
      // h3-js (emscripten) runs set-up code at load, so the bundler keeps it wherever anything imports
      // @heatmap/geo, even the 3 kB entry that only wants resolutionForZoom. Nothing relies on that
      // set-up without calling h3-js, so it may go where none of its functions is used.
      treeshake: { moduleSideEffects: (id: string) => !id.includes('/node_modules/h3-js/') },
    },
  },
  test: {
    name: 'web',
    root: import.meta.dirname,
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
  },
});
