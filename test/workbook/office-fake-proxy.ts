/* The common part of the fake's proxies (see office-fake.ts): where each sits, what loading it reads. */
import type { XlWorksheet } from "../../src/workbook/office/types";
import { FakeHost, FakeSheet, notLoaded, officeError, utf8 } from "./office-fake-grid";

/** Which Excel type a navigation property leads to, for load paths such as items/names/items/formula. */
export const NAV: Record<string, string> = {
  "Workbook.worksheets": "WorksheetCollection",
  "Workbook.names": "NamedItemCollection",
  "Workbook.protection": "WorkbookProtection",
  "WorksheetCollection.items": "Worksheet",
  "Worksheet.names": "NamedItemCollection",
  "Worksheet.protection": "WorksheetProtection",
  "NamedItemCollection.items": "NamedItem",
};

/** The members a load path uses, from the type it is loaded on. */
export function loadMembers(type: string, path: string): string[] {
  const out: string[] = [];
  let t = type;
  for (const seg of path.split("/")) {
    out.push(`${t}.${seg}`);
    t = NAV[`${t}.${seg}`] ?? t;
  }
  return out;
}

/** What a proxy needs of its request context (office-fake.ts's FakeContext): the queue and the fake Excel. */
export interface ProxyContext {
  readonly excel: FakeHost;
  responseBytes: number;
  queue(describe: unknown, run: () => void, members: readonly string[]): void;
  /** A worksheet proxy, for a range's `worksheet` (made by the context, so ranges need not import sheets). */
  worksheet(path: string, resolver: () => FakeSheet | null, place: Place): XlWorksheet;
}

/** Where a proxy sits: the Excel type it stands for and the members used to reach it. */
export type Place = { type: string; via: readonly string[] };

/** The common part of every proxy: a path, a target resolved when the commands run, loaded properties. */
export abstract class FakeObject<T> {
  protected loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;
  constructor(
    protected readonly ctx: ProxyContext,
    readonly path: string,
    private readonly resolver: () => T | null,
    nullable: boolean,
    readonly place: Place,
  ) {
    if (nullable) ctx.queue({ a: "instantiate", p: path }, () => void (this.nullState = this.resolve() === null), place.via);
  }
  protected get excel(): FakeHost {
    return this.ctx.excel;
  }
  /** The members a use of `member` on this proxy carries. */
  protected member(...members: string[]): string[] {
    return [...this.place.via, ...members.map((m, i) => (i === 0 ? `${this.place.type}.${m}` : m))];
  }
  /** Where a proxy reached through `member` (of type `type`) sits. */
  protected childPlace(member: string, type: string): Place {
    return { type, via: this.member(member) };
  }
  resolve(): T | null {
    return this.resolver();
  }
  protected target(): T {
    const t = this.resolve();
    if (t === null) throw officeError("InvalidObjectPath", `${this.path} is a null object`);
    return t;
  }
  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded("isNullObject");
    return this.nullState;
  }
  protected read<V>(prop: string): V {
    if (!this.loaded.has(prop)) throw notLoaded(prop);
    return this.loaded.get(prop) as V;
  }
  load(propertyNames: string): this {
    const paths = propertyNames
      .split(",")
      .map((p) => p.trim())
      .filter((p) => p !== "");
    const members = [...this.place.via, ...paths.flatMap((p) => loadMembers(this.place.type, p))];
    this.ctx.queue({ a: "load", p: this.path, s: propertyNames }, () => this.fill(paths), members);
    return this;
  }
  /** Runs in sync(): scalar properties from the target, navigation properties through their proxies. */
  fill(paths: readonly string[]): void {
    const t = this.resolve();
    if (t === null) return;
    const nested = new Map<string, string[]>();
    for (const p of paths) {
      const [head, ...rest] = p.split("/");
      if (rest.length === 0) {
        const value = this.scalar(t, head!);
        this.loaded.set(head!, value);
        this.ctx.responseBytes += utf8(JSON.stringify(value) ?? "null");
      } else nested.set(head!, [...(nested.get(head!) ?? []), rest.join("/")]);
    }
    for (const [head, rest] of nested) this.navigate(head).fill(rest);
  }
  protected scalar(_t: T, prop: string): unknown {
    throw new Error(`fake: ${this.path}.${prop} is not modelled`);
  }
  protected navigate(prop: string): FakeObject<unknown> {
    throw new Error(`fake: navigation ${this.path}/${prop} is not modelled`);
  }
  /** Queues a change; it runs in sync(), refused on a protected sheet like Excel does. */
  protected change(
    members: readonly string[],
    describe: Record<string, unknown>,
    sheetOf: (t: T) => FakeSheet | undefined,
    apply: (t: T) => void,
  ): void {
    this.ctx.queue(
      { p: this.path, ...describe },
      () => {
        const t = this.target();
        if (sheetOf(t)?.protected) throw officeError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.");
        apply(t);
      },
      members,
    );
  }
}
