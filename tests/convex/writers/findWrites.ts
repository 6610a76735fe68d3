// Finds every database write in a set of TypeScript files and names the table it writes, using
// the type checker: `db.insert("orders", …)` by its literal, `db.patch(id, …)` by the `Id<"…">`
// type of the id. A write whose table cannot be told is reported as "?" so it cannot hide.
import ts from "typescript";

export type Write = { file: string; line: number; method: string; table: string };

const METHODS = new Set(["insert", "patch", "replace", "delete"]);

export function findWrites(files: string[], root: string): Write[] {
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const writes: Write[] = [];
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`Not in the program: ${file}`);
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
        const { name, expression: target } = node.expression;
        const isDb =
          (ts.isPropertyAccessExpression(target) && target.name.text === "db") ||
          (ts.isIdentifier(target) && target.text === "db");
        if (isDb && METHODS.has(name.text) && node.arguments.length > 0) {
          const { line } = source.getLineAndCharacterOfPosition(node.getStart());
          writes.push({
            file: file.slice(root.length + 1),
            line: line + 1,
            method: name.text,
            table: tableOf(checker, node.arguments[0]),
          });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return writes;
}

/** "orders" for a string literal or an Id<"orders">; "?" when the type does not say. */
function tableOf(checker: ts.TypeChecker, arg: ts.Expression): string {
  const type = checker.getTypeAtLocation(arg);
  if (type.isStringLiteral()) return type.value;
  const names = new Set<string>();
  for (const part of type.isUnion() ? type.types : [type]) {
    const tag = part.getProperty("__tableName");
    if (!tag) return "?";
    const tagType = checker.getTypeOfSymbolAtLocation(tag, arg);
    if (!tagType.isStringLiteral()) return "?";
    names.add(tagType.value);
  }
  return names.size === 1 ? [...names][0] : "?";
}
