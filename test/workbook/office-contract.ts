/*
 * The Excel API contract, checked from the source: every Excel member the add-in touches — a
 * property read or set, a method called, a load() path given as text — is looked up in the table of
 * requirement sets, and must need no later set than the manifest's minimum unless the code that
 * touches it only runs behind the matching check. The TypeScript checker tells which Excel type a
 * receiver is: the adapter's Xl<Type> interfaces (src/workbook/office/types.ts) or the real Excel.*
 * declarations.
 *
 * A check is recognised where it guards the code: an `if` (the `then` side), `cond ? … : …` (the
 * first branch), `cond && …`, or an earlier `if (!cond) return;` in the same block. The conditions
 * understood are `supports("1.7")`, `supports(deps, "1.7")`, `isSetSupported("ExcelApi", "1.7")`,
 * `can.<ability>` (the set from ABILITY_SETS), and a const initialised with one of them.
 */
import ts from "typescript";
import { ABILITY_SETS, MINIMUM_VERSION } from "../../src/workbook/office/requirements";
import { minor, setOf } from "./office-api-sets";

export type Touch = { file: string; line: number; member: string; set: string | undefined; gate: string | undefined };

/** Members of Office.js's bases (ClientObject.isNullObject, ClientRequestContext.sync), not of the Excel namespace. */
export const NOT_EXCEL = new Set(["isNullObject", "sync"]);

/** Navigation properties, to follow load paths such as items/names/items/formula. */
const NAV: Record<string, string> = {
  "Workbook.worksheets": "WorksheetCollection",
  "Workbook.names": "NamedItemCollection",
  "Workbook.protection": "WorkbookProtection",
  "WorksheetCollection.items": "Worksheet",
  "Worksheet.names": "NamedItemCollection",
  "Worksheet.protection": "WorksheetProtection",
  "NamedItemCollection.items": "NamedItem",
  "Range.format": "RangeFormat",
  "Range.worksheet": "Worksheet",
};

let cachedProgram: { key: string; program: ts.Program } | undefined;

function programFor(files: readonly string[]): ts.Program {
  const key = [...files].sort().join("|");
  if (cachedProgram?.key === key) return cachedProgram.program;
  const configPath = ts.findConfigFile(process.cwd(), ts.sys.fileExists, "tsconfig.json");
  if (!configPath) throw new Error("tsconfig.json not found");
  const config = ts.parseJsonConfigFileContent(ts.readConfigFile(configPath, ts.sys.readFile).config, ts.sys, process.cwd());
  const program = ts.createProgram([...files], { ...config.options, noEmit: true });
  cachedProgram = { key, program };
  return program;
}

/** The Excel type a receiver stands for: XlRange → "Range", Excel.Range → "Range"; undefined for anything else. */
function excelTypeOf(checker: ts.TypeChecker, expr: ts.Expression): string | undefined {
  const type = checker.getTypeAtLocation(expr);
  const symbol = type.aliasSymbol ?? type.getSymbol();
  if (!symbol) return undefined;
  const decl = symbol.declarations?.[0];
  if (!decl) return undefined;
  const file = decl.getSourceFile().fileName;
  if (/src\/workbook\/office\/types\.ts$/.test(file) && symbol.name.startsWith("Xl"))
    return symbol.name === "XlContext" ? "RequestContext" : symbol.name.slice(2);
  // The real declarations: a class or interface inside `namespace Excel`.
  let parent: ts.Node | undefined = decl.parent;
  while (parent && !ts.isModuleDeclaration(parent)) parent = parent.parent;
  if (parent && ts.isModuleDeclaration(parent) && parent.name.text === "Excel" && /office-js/.test(file)) return symbol.name;
  return undefined;
}

/** The set a condition stands for, when it is one of the checks understood. */
function conditionSet(checker: ts.TypeChecker, cond: ts.Expression, depth = 0): string | undefined {
  let best: string | undefined;
  const consider = (v: string | undefined) => {
    if (v !== undefined && (best === undefined || minor(v) > minor(best))) best = v;
  };
  const visit = (n: ts.Node): void => {
    // A negated check guards the other branch, not this one.
    if (ts.isPrefixUnaryExpression(n) && n.operator === ts.SyntaxKind.ExclamationToken) return;
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.BarBarToken) return;
    if (ts.isCallExpression(n)) {
      const callee = n.expression.getText();
      if (/(^|\.)(supports|isSetSupported|supportsExcelApi)$/.test(callee)) {
        for (const a of n.arguments) if (ts.isStringLiteral(a) && /^1\.\d+$/.test(a.text)) consider(a.text);
      }
    }
    if (ts.isPropertyAccessExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === "can") {
      consider((ABILITY_SETS as Record<string, string>)[n.name.text]);
    }
    if (ts.isIdentifier(n) && depth < 3) {
      const decl = checker.getSymbolAtLocation(n)?.valueDeclaration;
      if (decl && ts.isVariableDeclaration(decl) && decl.initializer && decl.getSourceFile() === n.getSourceFile())
        consider(conditionSet(checker, decl.initializer, depth + 1));
    }
    ts.forEachChild(n, visit);
  };
  visit(cond);
  return best;
}

const exits = (s: ts.Statement): boolean =>
  ts.isReturnStatement(s) ||
  ts.isThrowStatement(s) ||
  ts.isContinueStatement(s) ||
  (ts.isBlock(s) && s.statements.length === 1 && exits(s.statements[0]!));

/** The highest set the code around `node` has checked for. */
function gateOf(checker: ts.TypeChecker, node: ts.Node): string | undefined {
  let best: string | undefined;
  const consider = (v: string | undefined) => {
    if (v !== undefined && (best === undefined || minor(v) > minor(best))) best = v;
  };
  let child: ts.Node = node;
  for (let p = node.parent; p; child = p, p = p.parent) {
    if (ts.isIfStatement(p) && child === p.thenStatement) consider(conditionSet(checker, p.expression));
    if (ts.isConditionalExpression(p) && child === p.whenTrue) consider(conditionSet(checker, p.condition));
    if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && child === p.right)
      consider(conditionSet(checker, p.left));
    if (ts.isBlock(p) || ts.isSourceFile(p)) {
      for (const s of p.statements) {
        if (s === child) break;
        if (
          ts.isIfStatement(s) &&
          !s.elseStatement &&
          exits(s.thenStatement) &&
          ts.isPrefixUnaryExpression(s.expression) &&
          s.expression.operator === ts.SyntaxKind.ExclamationToken
        ) {
          consider(conditionSet(checker, s.expression.operand));
        }
      }
    }
  }
  return best;
}

/** The members a load() path of text uses, from the type it is loaded on. */
function loadMembers(type: string, paths: string): string[] {
  const out: string[] = [];
  for (const path of paths
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "")) {
    let t = type;
    for (const seg of path.split("/")) {
      out.push(`${t}.${seg}`);
      t = NAV[`${t}.${seg}`] ?? t;
    }
  }
  return out;
}

/** Every Excel member the files touch, with the set it needs and the set checked around it. */
export function excelMembersTouched(files: readonly string[]): Touch[] {
  const program = programFor(files);
  const checker = program.getTypeChecker();
  const out: Touch[] = [];
  for (const fileName of files) {
    const source = program.getSourceFile(fileName);
    if (!source) throw new Error(`not in the program: ${fileName}`);
    const touch = (node: ts.Node, member: string) => {
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      out.push({ file: fileName, line, member: `Excel.${member}`, set: setOf(member), gate: gateOf(checker, node) });
    };
    const visit = (n: ts.Node): void => {
      if (ts.isPropertyAccessExpression(n)) {
        const name = n.name.text;
        if (ts.isIdentifier(n.expression) && n.expression.text === "Excel") touch(n, name);
        else {
          const type = excelTypeOf(checker, n.expression);
          if (type !== undefined && !NOT_EXCEL.has(name)) touch(n, `${type}.${name}`);
          // load("values,rowIndex"): each path of the text is a member too.
          const call = n.parent;
          if (type !== undefined && name === "load" && ts.isCallExpression(call) && call.expression === n) {
            const arg = call.arguments[0];
            if (arg && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)))
              for (const m of loadMembers(type, arg.text)) touch(arg, m);
          }
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(source);
  }
  return out;
}

/** The touches that break the contract: a member the table lacks, or one above the minimum without its check. */
export function contractViolations(touches: readonly Touch[], minimum = MINIMUM_VERSION): string[] {
  const out: string[] = [];
  for (const t of touches) {
    const where = `${t.file.replace(/^.*?\/(src|test)\//, "$1/")}:${t.line}`;
    if (t.set === undefined) out.push(`${where}: ${t.member} is not in the table of ExcelApi sets`);
    else if (minor(t.set) > minor(minimum) && (t.gate === undefined || minor(t.gate) < minor(t.set))) {
      out.push(
        `${where}: ${t.member} needs ExcelApi ${t.set} but runs ${t.gate ? `behind a check for ${t.gate} only` : 'without a supports("' + t.set + '") check'} (manifest minimum ${minimum})`,
      );
    }
  }
  return out;
}
