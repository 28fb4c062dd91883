/**
 * manifest.xml checked offline (office-addin-manifest validate needs Microsoft's service):
 * well-formed, ids and versions in their formats, every resid defined, the shared runtime,
 * the MMM namespace and a task-pane button.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const xml = readFileSync(join(__dirname, "..", "..", "manifest.xml"), "utf8");
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" });
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- an untyped XML tree
const manifest = parser.parse(xml).OfficeApp as any;
const host = manifest.VersionOverrides.Hosts.Host;
const resources = manifest.VersionOverrides.Resources;

function resourceIds(): Set<string> {
  const ids = new Set<string>();
  const groups = [
    resources["bt:Images"]["bt:Image"],
    resources["bt:Urls"]["bt:Url"],
    resources["bt:ShortStrings"]["bt:String"],
    resources["bt:LongStrings"]["bt:String"],
  ];
  for (const group of groups) for (const item of [group].flat()) ids.add(item["@id"]);
  return ids;
}

describe("manifest.xml", () => {
  it("is well-formed XML", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it("has a GUID id, a four-part version and the Excel (Workbook) host", () => {
    expect(manifest.Id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(manifest.Version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(manifest.Hosts.Host["@Name"]).toBe("Workbook");
  });

  it("defines every resid it uses", () => {
    const used = [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    const defined = resourceIds();
    expect(used.length).toBeGreaterThan(5);
    expect(used.filter((id) => !defined.has(id))).toEqual([]);
  });

  it("runs the custom functions in the task pane's shared runtime, in namespace MMM", () => {
    const sets = [manifest.Requirements.Sets.Set].flat();
    expect(sets).toContainEqual(expect.objectContaining({ "@Name": "SharedRuntime" }));
    expect(host.Runtimes.Runtime["@resid"]).toBe("Taskpane.Url");
    expect(host.Runtimes.Runtime["@lifetime"]).toBe("long");
    const functions = host.AllFormFactors.ExtensionPoint;
    expect(functions["@xsi:type"]).toBe("CustomFunctions");
    expect(functions.Page.SourceLocation["@resid"]).toBe("Taskpane.Url");
    const namespaceId = functions.Namespace["@resid"];
    const strings = [resources["bt:ShortStrings"]["bt:String"]].flat();
    expect(strings.find((s: { "@id": string }) => s["@id"] === namespaceId)["@DefaultValue"]).toBe(
      "MMM",
    );
  });

  it("has a ribbon button that shows the task pane", () => {
    const control = host.DesktopFormFactor.ExtensionPoint.OfficeTab.Group.Control;
    expect(control.Action["@xsi:type"]).toBe("ShowTaskpane");
    expect(control.Action.SourceLocation["@resid"]).toBe("Taskpane.Url");
  });

  it("points every URL at files the build produces", () => {
    const urls = [resources["bt:Urls"]["bt:Url"]]
      .flat()
      .map((u: { "@DefaultValue": string }) => u["@DefaultValue"]);
    const files = urls.map((u: string) => new URL(u).pathname.slice(1));
    expect(files.sort()).toEqual([
      "functions.js",
      "functions.json",
      "taskpane.html",
      "taskpane.html",
    ]);
  });
});
