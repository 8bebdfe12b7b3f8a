import { existsSync } from "fs";
import { dirname, join } from "path";

/**
 * How a worker thread starts a built file (build/cli/rollup-thread.js): through bin/cached-bundle.js,
 * so each thread reads the bytecode of V8's code cache the build made instead of compiling 1.5 MB of
 * source again, when the checkout has the loader; by its path otherwise. A cache that is absent or
 * does not fit is passed over by the loader itself.
 */
export function builtThreadStart(built: string): { code: string; eval: boolean } {
  const loader = join(dirname(built), "..", "..", "bin", "cached-bundle.js");
  if (!existsSync(loader)) return { code: built, eval: false };
  return { code: `require(${JSON.stringify(loader)}).loadBundle(${JSON.stringify(built)});`, eval: true };
}
