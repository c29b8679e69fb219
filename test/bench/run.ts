// npm run bench: runs every test/bench/*.bench.ts in turn. Each exports a default async function
// that measures ours and a peer in the same process and prints ratios.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const here = import.meta.dirname;
const only = process.argv[2];
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !only || f.includes(only))
  .sort();
for (const file of files) {
  console.log(`\n== ${file}`);
  const mod = (await import(pathToFileURL(path.join(here, file)).href)) as {
    default: () => Promise<void>;
  };
  await mod.default();
}
