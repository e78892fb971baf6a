// Bundles the client, the language server, the `kam` CLI and the plan editor's webview into dist/.
// `--production` minifies for packaging; sourcemaps are always written.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  minify: production,
  logLevel: 'warning',
};

const builds = [
  { entryPoints: { client: 'client/src/extension.ts' }, external: ['vscode'] },
  { entryPoints: { server: 'server/src/lsp/main.ts' } },
  { entryPoints: { kam: 'server/src/cli/main.ts' }, banner: { js: '#!/usr/bin/env node' } },
  // The plan editor's webview: media/form/ (entry main.js) with lit and the @vscode-elements it
  // imports, one script for the browser (only the components imported are bundled).
  { entryPoints: { form: 'media/form/main.js' }, platform: 'browser', format: 'iife', target: 'chrome120', minify: true },
];

for (const b of builds) {
  const options = { ...common, ...b, outdir: 'dist' };
  if (watch) await (await esbuild.context(options)).watch();
  else await esbuild.build(options);
}
