/*
 * Entry of taskpane.html. Inside Excel (office.js loaded and Office.onReady reports Excel) the pane
 * works on the live workbook; otherwise, after at most a few seconds, the same page works on .xlsx
 * files from disk. No request leaves the machine but the one for office.js.
 */
import { createRoot } from "react-dom/client";
import { StrictMode } from "react";
import { FluentProvider, Spinner, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import { bundledCatalog } from "./bundled-rulesets";
import { bundledWordings } from "./bundled-reports";
import { detectHost } from "./host/detect";
import { browserDeps, saveBytes } from "./host/file-host";
import { officeShellFromGlobals } from "./host/office-host";
import { standaloneShell } from "./host/standalone-host";
import { T } from "./strings";

const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

async function main(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) return;
  const root = createRoot(container);
  root.render(
    <FluentProvider theme={webLightTheme}>
      <Spinner label={T.starting} style={{ marginTop: 48 }} />
    </FluentProvider>,
  );
  const catalog = bundledCatalog();
  const detected = await detectHost({ window });
  const browser = browserDeps(window);
  const shell = detected.kind === "excel" ? officeShellFromGlobals(browser) : standaloneShell(browser, detected.why);
  document.documentElement.dataset["mode"] = shell.mode;
  root.render(
    <StrictMode>
      <App
        shell={shell}
        catalog={catalog}
        report={{ wordings: bundledWordings(catalog.rulesets), save: (bytes, name) => saveBytes(browser, bytes, name, DOCX_MIME) }}
      />
    </StrictMode>,
  );
}

void main();
