// npm run web: serve the browser build on 127.0.0.1 and print the URL.
import { existsSync } from 'node:fs';
import { staticServe } from './static-server.mjs';

const root = new URL('../dist/web/', import.meta.url).pathname;
if (!existsSync(root + 'index.html')) {
  console.error('dist/web is missing: run `npm run build:web` first.');
  process.exit(1);
}
const port = Number(process.env.PORT ?? 5178);
const { url } = await staticServe(root, port);
console.log(`ML Math Lab (web) is at ${url}  (Ctrl+C to stop)`);
