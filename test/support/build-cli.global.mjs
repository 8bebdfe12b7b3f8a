// jest globalSetup: the tests that spawn bin/chitieu.js must run the sources as they are now, never a
// bundle left over from an earlier build (esbuild takes well under a second).
import { buildCli } from "../../scripts/build-cli.mjs";

export default async function buildCliBeforeTests() {
  await buildCli();
}
