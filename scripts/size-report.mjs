// Prints the size of every file under a directory raw, gzip (level 9) and brotli (quality 11), and
// the total: what a static server with compression would send.
// Usage: node scripts/size-report.mjs DIR
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const root = process.argv[2];
if (!root) {
  console.error("usage: node scripts/size-report.mjs DIR");
  process.exit(2);
}

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const rows = files(root)
  .sort()
  .map((path) => {
    const bytes = readFileSync(path);
    return {
      file: relative(root, path),
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      }).length,
    };
  });

if (rows.length === 0) {
  console.error(`no files under ${root}: build first`);
  process.exit(1);
}

const total = rows.reduce(
  (sum, row) => ({
    file: "total",
    raw: sum.raw + row.raw,
    gzip: sum.gzip + row.gzip,
    brotli: sum.brotli + row.brotli,
  }),
  { raw: 0, gzip: 0, brotli: 0 },
);

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const width = Math.max(...rows.map((row) => row.file.length), "total".length);
const line = (row) =>
  `${row.file.padEnd(width)}  ${kib(row.raw).padStart(11)}  ${kib(row.gzip).padStart(11)}  ${kib(row.brotli).padStart(11)}`;

console.log(`${"file".padEnd(width)}  ${"raw".padStart(11)}  ${"gzip".padStart(11)}  ${"brotli".padStart(11)}`);
rows.forEach((row) => console.log(line(row)));
console.log(line(total));
