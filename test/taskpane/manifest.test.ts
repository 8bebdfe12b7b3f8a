/*
 * manifest.xml checked offline (the online validator, `npm run validate`, is not reachable here):
 * well-formed XML, the elements Office requires, every resid defined, icons that exist at their
 * sizes, and — after a production build — no localhost left in the emitted manifest.
 */
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { SaxesParser } from "saxes";
import { BUILD_BASE_URL, productionBuild, ROOT } from "../browser/build";

type El = { name: string; attrs: Record<string, string>; children: El[]; text: string };

/** Parses with saxes (namespaces on): a well-formedness error throws. */
function parse(xml: string): El {
  const parser = new SaxesParser({ xmlns: true });
  const root: El = { name: "#root", attrs: {}, children: [], text: "" };
  const stack: El[] = [root];
  parser.on("opentag", (t) => {
    const attrs: Record<string, string> = {};
    for (const [k, a] of Object.entries(t.attributes)) attrs[k] = typeof a === "string" ? a : a.value;
    const el: El = { name: t.local, attrs, children: [], text: "" };
    stack[stack.length - 1]!.children.push(el);
    stack.push(el);
  });
  parser.on("text", (text) => (stack[stack.length - 1]!.text += text));
  parser.on("closetag", () => void stack.pop());
  parser.write(xml).close();
  return root.children[0]!;
}

const child = (el: El | undefined, name: string) => el?.children.find((c) => c.name === name);
const path = (el: El, ...names: string[]) => names.reduce<El | undefined>((e, n) => child(e, n), el);
const all = (el: El, name: string): El[] => [...(el.name === name ? [el] : []), ...el.children.flatMap((c) => all(c, name))];
const urls = (xml: string) => [...xml.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1]!);

function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

const SOURCE = readFileSync(join(ROOT, "manifest.xml"), "utf8");

describe("manifest.xml (as written, for the dev server)", () => {
  const app = parse(SOURCE);

  test("is a task pane add-in for Excel with the required elements", () => {
    expect(app.name).toBe("OfficeApp");
    expect(app.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(child(app, "Id")!.text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(child(app, "Version")!.text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(child(app, "ProviderName")!.text.length).toBeGreaterThan(0);
    expect(child(app, "DefaultLocale")!.text).toBe("vi-VN");
    expect(child(app, "DisplayName")!.attrs["DefaultValue"]).toBe("Chỉ tiêu xã");
    expect(child(app, "Description")!.attrs["DefaultValue"]).toMatch(/chỉ tiêu/);
    expect(child(app, "IconUrl")!.attrs["DefaultValue"]).toBe("https://localhost:3000/assets/icon-32.png");
    expect(child(app, "HighResolutionIconUrl")!.attrs["DefaultValue"]).toBe("https://localhost:3000/assets/icon-64.png");
    expect(all(child(app, "Hosts")!, "Host").map((h) => h.attrs["Name"])).toEqual(["Workbook"]);
    expect(path(app, "DefaultSettings", "SourceLocation")!.attrs["DefaultValue"]).toBe("https://localhost:3000/taskpane.html");
    expect(child(app, "Permissions")!.text).toBe("ReadWriteDocument");
  });

  test("asks for ExcelApi 1.4, the lowest set the code needs", () => {
    const sets = all(child(app, "Requirements")!, "Set");
    expect(sets.map((s) => [s.attrs["Name"], s.attrs["MinVersion"]])).toEqual([["ExcelApi", "1.4"]]);
  });

  test("puts a button on the Home tab that opens the task pane", () => {
    const vo = child(app, "VersionOverrides")!;
    expect(vo.attrs["xsi:type"]).toBe("VersionOverridesV1_0");
    const ext = all(vo, "ExtensionPoint").find((e) => e.attrs["xsi:type"] === "PrimaryCommandSurface")!;
    const tab = child(ext, "OfficeTab")!;
    expect(tab.attrs["id"]).toBe("TabHome");
    const button = all(tab, "Control").find((c) => c.attrs["xsi:type"] === "Button")!;
    const action = child(button, "Action")!;
    expect(action.attrs["xsi:type"]).toBe("ShowTaskpane");
    expect(child(action, "SourceLocation")!.attrs["resid"]).toBe("Taskpane.Url");
  });

  test("every resid is defined once in Resources, strings within Office's length limits", () => {
    const vo = child(app, "VersionOverrides")!;
    const resources = child(vo, "Resources")!;
    const defined = new Map<string, El>();
    for (const r of resources.children.flatMap((group) => group.children)) {
      expect(defined.has(r.attrs["id"]!)).toBe(false);
      defined.set(r.attrs["id"]!, r);
    }
    const refs = (function walk(e: El): string[] {
      return [...(e.attrs["resid"] ? [e.attrs["resid"]] : []), ...e.children.flatMap(walk)];
    })(child(vo, "Hosts")!);
    expect(refs.length).toBeGreaterThan(5);
    for (const r of refs) expect(defined.has(r)).toBe(true);
    for (const s of child(resources, "ShortStrings")!.children) expect(s.attrs["DefaultValue"]!.length).toBeLessThanOrEqual(125);
    for (const s of child(resources, "LongStrings")!.children) expect(s.attrs["DefaultValue"]!.length).toBeLessThanOrEqual(250);
    expect(child(app, "Description")!.attrs["DefaultValue"]!.length).toBeLessThanOrEqual(250);
    expect(child(app, "DisplayName")!.attrs["DefaultValue"]!.length).toBeLessThanOrEqual(125);
  });

  test("every URL is https on the dev server, and every icon exists at its size", () => {
    const all = urls(SOURCE);
    expect(all.length).toBeGreaterThan(5);
    for (const u of all) expect(u.startsWith("https://localhost:3000/")).toBe(true);
    for (const u of all.filter((x) => x.endsWith(".png"))) {
      const file = join(ROOT, u.replace("https://localhost:3000/", ""));
      const size = Number(/icon-(\d+)\.png$/.exec(u)![1]);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
    for (const size of [16, 32, 64, 80, 128])
      expect(pngSize(join(ROOT, "assets", `icon-${size}.png`))).toEqual({ width: size, height: size });
  });
});

describe("the production build's manifest", () => {
  let dir: string;
  let built: string;
  beforeAll(async () => {
    dir = (await productionBuild()).dir;
    built = readFileSync(join(dir, "manifest.xml"), "utf8");
  }, 300_000);

  test("is well-formed with no localhost left, every URL on the base URL", () => {
    expect(() => parse(built)).not.toThrow();
    expect(built).not.toMatch(/localhost/i);
    const list = urls(built);
    expect(list.length).toBe(urls(SOURCE).length);
    for (const u of list) expect(u.startsWith(BUILD_BASE_URL)).toBe(true);
  });

  test("every page and icon it points to is in the build", () => {
    for (const u of urls(built)) expect(existsSync(join(dir, u.slice(BUILD_BASE_URL.length)))).toBe(true);
  });
});
