// The library sources of every package, and the regular expressions in them.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

/** The repository's root. */
export const root = new URL("../../../", import.meta.url).pathname;

/** The published packages' directory names. */
export const packageDirs = readdirSync(join(root, "packages")).sort();

/** Every library source file (not tests, not test support) of every package. */
export function sourceFiles(): string[] {
  const files: string[] = [];
  for (const dir of packageDirs)
    for (const entry of readdirSync(join(root, "packages", dir, "src"), { recursive: true, encoding: "utf8" }))
      if (entry.endsWith(".ts") && !entry.endsWith(".test.ts") && !entry.includes("test-support"))
        files.push(join(root, "packages", dir, "src", entry));
  return files.sort();
}

/** A regular expression found in a source file. */
export interface FoundRegex {
  readonly file: string;
  readonly line: number;
  readonly source: string;
  readonly flags: string;
}

/**
 * The regular expressions of a source: every regex literal, and every `new RegExp(...)` /
 * `RegExp(...)` whose pattern is a string literal. A `RegExp` built from a non-literal is
 * reported with `source` "<dynamic>" so that a test can refuse it.
 */
export function regexesOf(file: string, text = readFileSync(file, "utf8")): FoundRegex[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const found: FoundRegex[] = [];
  const lineOf = (node: ts.Node) => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
  const visit = (node: ts.Node) => {
    if (ts.isRegularExpressionLiteral(node)) {
      const literal = node.text;
      const end = literal.lastIndexOf("/");
      found.push({ file, line: lineOf(node), source: literal.slice(1, end), flags: literal.slice(end + 1) });
    } else if (
      (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === "RegExp"
    ) {
      const [pattern, flags] = node.arguments ?? [];
      const literal = pattern && ts.isStringLiteralLike(pattern) ? pattern.text : "<dynamic>";
      const flagText = flags && ts.isStringLiteralLike(flags) ? flags.text : "";
      found.push({ file, line: lineOf(node), source: literal, flags: flagText });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}
