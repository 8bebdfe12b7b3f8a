"use strict";
/*
 * Runs a built CommonJS file (build/cli/main.js) with V8's code cache, which Node 20 offers only
 * through vm.Script's `cachedData` (module.enableCompileCache came in Node 22). Compiling the bundle
 * was a sixth of `chitieu evaluate`'s start; with the cache V8 reads the bytecode the build's warm-up
 * compiled (scripts/cli-code-cache.mjs) instead of compiling the source again.
 *
 * The cache file (FILE.cache) starts with a header: a mark, the CRC-32 of the bundle it was made from
 * and the CRC-32 of the cached bytes. V8 itself checks only the source's length and its own version:
 * a damaged cache can abort the process, and one made from another bundle of the same length would
 * run the old code. So a cache that is absent, damaged, made for another bundle or refused by V8 is
 * silently ignored and the bundle compiled as `require` would: slower, never different.
 */
const { readFileSync, renameSync, rmSync, writeFileSync } = require("fs");
const Module = require("module");
const path = require("path");
const vm = require("vm");
const zlib = require("zlib");

const MARK = Buffer.from("chitieu-v8-cache-1\n");
const HEADER = MARK.length + 8;

/**
 * Node 20 before 20.15 has no zlib.crc32: plain `require` there. The bundle holds no `import()`
 * (scripts/build-cli.mjs turns them into `require`), which a vm.Script could not run.
 */
const supported = () => typeof zlib.crc32 === "function";

const cacheFileOf = (file) => `${file}.cache`;

/** The cached bytes when the cache file was made for exactly these bundle bytes and is whole. */
function cachedDataFor(file, bundleCrc) {
  let cache;
  try {
    cache = readFileSync(cacheFileOf(file));
  } catch {
    return { data: undefined, state: "absent" };
  }
  const whole =
    cache.length > HEADER &&
    cache.subarray(0, MARK.length).equals(MARK) &&
    cache.readUInt32LE(MARK.length) === bundleCrc &&
    cache.readUInt32LE(MARK.length + 4) === zlib.crc32(cache.subarray(HEADER));
  return whole ? { data: cache.subarray(HEADER), state: "used" } : { data: undefined, state: "stale" };
}

/** Compiles `file` (with its cache unless told not to): the script, what became of the cache, and the bundle's CRC-32. */
function compile(file, { useCache = true } = {}) {
  const bytes = readFileSync(file);
  const crc = zlib.crc32(bytes);
  const cached = useCache ? cachedDataFor(file, crc) : { data: undefined, state: "absent" };
  const script = new vm.Script(Module.wrap(bytes.toString("utf8")), { filename: file, cachedData: cached.data });
  const state = cached.data !== undefined && script.cachedDataRejected ? "rejected" : cached.state;
  return { script, state, crc };
}

/** Runs the compiled module as `require(file)` would and returns its exports. */
function run(file, script) {
  const m = new Module(file, module);
  m.filename = file;
  m.paths = Module._nodeModulePaths(path.dirname(file));
  Module._cache[file] = m;
  script.runInThisContext().call(m.exports, m.exports, Module.createRequire(file), m, file, path.dirname(file));
  m.loaded = true;
  return m.exports;
}

/**
 * `require(file)` through the code cache. `cache` says what became of it: "used", "absent", "stale"
 * (another bundle's or damaged: not given to V8), "rejected" (V8 refused it), "unsupported" (old Node).
 */
function loadBundle(file) {
  if (!supported()) return { exports: require(file), cache: "unsupported" };
  const { script, state } = compile(file);
  return { exports: run(file, script), cache: state };
}

/**
 * For the build's warm-up: `file` compiled without a cache and run; `save()` writes the cache of
 * everything compiled so far, so the functions the warm-up ran are cached too.
 */
function loadForCaching(file) {
  if (!supported()) return { exports: require(file), save: () => false };
  const { script, crc } = compile(file, { useCache: false });
  const exports = run(file, script);
  const save = () => {
    const data = script.createCachedData();
    const head = Buffer.alloc(8);
    head.writeUInt32LE(crc, 0);
    head.writeUInt32LE(zlib.crc32(data), 4);
    const target = cacheFileOf(file);
    const tmp = `${target}.${process.pid}.tmp`;
    try {
      writeFileSync(tmp, Buffer.concat([MARK, head, data]));
      renameSync(tmp, target);
    } finally {
      rmSync(tmp, { force: true });
    }
    return true;
  };
  return { exports, save };
}

module.exports = { loadBundle, loadForCaching, cacheFileOf };
