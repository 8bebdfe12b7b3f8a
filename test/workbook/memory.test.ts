import { MemoryWorkbook } from "../../src/workbook/memory";
import { SUITE_FIXTURE, testWorkbookPort } from "./port-suite";

testWorkbookPort("in-memory fake", async () => {
  const port = new MemoryWorkbook(SUITE_FIXTURE);
  return { port, reopen: async () => port };
});
