/**
 * Moves sections of an old-style dictionary (the hand-kept `client/src/lib/i18n.ts` before issue 17:
 * `const zh = { section: {…} }` and `const en: Strings = { section: {…} }`, leaves being plain
 * strings or arrow functions such as `(n: number) => string`) into the i18next locale files as ICU
 * messages, so branches that still add sections there can be merged mechanically:
 *
 *   git show wt-docs:client/src/lib/i18n.ts > /tmp/old-i18n.ts
 *   npx tsx scripts/i18n-import.ts /tmp/old-i18n.ts documents2 chainGraph
 *
 * With no section names every top-level section of the old file is imported. For each section it
 * rewrites (adds or replaces) the section in client/src/locales/{zh,en}.json, its argument names in
 * client/src/locales/args.json and its TypeScript shape in client/src/locales/shape.ts, then checks
 * the result (same keys in both languages, every message parses). Call sites need no change:
 * `t.documents2.count(n)` keeps working through the shim in client/src/lib/i18n.ts.
 *
 * How a function becomes a message: it is called with sentinel arguments and the sentinels in its
 * output are replaced by `{name}` placeholders (numbers are printed as the old template printed
 * them, unformatted). A number parameter whose value 1 changes the wording (e.g. “1 park” / “2 parks”)
 * becomes `{n, plural, one {…} other {…}}`. Functions whose output does not contain an argument
 * (e.g. they transform it) are reported and the import stops, so nothing is silently lost.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { checkLocales, type ArgSpec, type MessageNode, type MessageTree } from '../client/src/lib/i18n-check';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const localeDir = path.join(root, 'client/src/locales');

type Imported = { zh: MessageNode; en: MessageNode; args: Record<string, string[]>; shape: string };

/** ICU-escapes literal text: apostrophes doubled, braces quoted; `#` too inside plural branches. */
function escapeIcu(text: string, inPlural: boolean): string {
  let out = text.replace(/'/g, "''").replace(/([{}])/g, "'$1'");
  if (inPlural) out = out.replace(/#/g, "'#'");
  return out;
}

function unwrap(node: ts.Expression): { expr: ts.Expression; typeText: string | null } {
  let typeText: string | null = null;
  let expr = node;
  while (ts.isAsExpression(expr) || ts.isSatisfiesExpression(expr) || ts.isParenthesizedExpression(expr)) {
    if (!ts.isParenthesizedExpression(expr)) typeText ??= expr.type.getText();
    expr = expr.expression;
  }
  return { expr, typeText };
}

function propName(p: ts.ObjectLiteralElementLike): string {
  if (!ts.isPropertyAssignment(p) || !p.name) throw new Error(`unsupported member ${p.getText().slice(0, 60)}`);
  const n = p.name;
  if (ts.isIdentifier(n) || ts.isStringLiteral(n) || ts.isNumericLiteral(n)) return n.text;
  throw new Error(`unsupported key ${n.getText()}`);
}

interface Param { name: string; type: string }

function paramsOf(fn: ts.ArrowFunction | ts.FunctionExpression): Param[] {
  return fn.parameters.map((p) => ({ name: p.name.getText(), type: p.type ? p.type.getText() : 'string' }));
}

/** Evaluates an arrow function's source text (types stripped). */
function evaluate(fn: ts.ArrowFunction | ts.FunctionExpression): (...a: unknown[]) => unknown {
  const js = ts.transpileModule(`export default (${fn.getText()});`, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS } }).outputText;
  const mod: { exports: { default?: unknown } } = { exports: {} };
  new Function('module', 'exports', js)(mod, mod.exports);
  if (typeof mod.exports.default !== 'function') throw new Error('not a function');
  return mod.exports.default as (...a: unknown[]) => unknown;
}

/** Turns one function into an ICU message, with the argument names given (those of the zh source). */
function functionToIcu(fn: ts.ArrowFunction | ts.FunctionExpression, names: string[], key: string): string {
  const f = evaluate(fn);
  const own = paramsOf(fn);
  const isNum = own.map((p) => /number/.test(p.type));
  const sentinelNum = (i: number) => 701 + i * 10;
  const sentinelStr = (i: number) => `\uE000${String.fromCharCode(0xe100 + i)}\uE001`;
  const argsWith = (override: Record<number, unknown>) => own.map((_, i) => (i in override ? override[i] : isNum[i] ? sentinelNum(i) : sentinelStr(i)));
  const toTemplate = (out: string, plural: boolean, literalOne: number | null): string => {
    // Split the output into literal runs and placeholders, escaping only the literal runs.
    const pattern = new RegExp(own.map((_, i) => (isNum[i] ? (literalOne === i ? `(?<!\\d)1(?!\\d)` : `(?<!\\d)${sentinelNum(i)}(?!\\d)`) : sentinelStr(i))).join('|') || '(?!)', 'g');
    let result = '';
    let last = 0;
    const seen = new Set<number>();
    for (const m of out.matchAll(pattern)) {
      const i = own.findIndex((_, j) => (isNum[j] ? (literalOne === j ? m[0] === '1' : m[0] === String(sentinelNum(j))) : m[0] === sentinelStr(j)));
      result += escapeIcu(out.slice(last, m.index), plural) + `{${names[i]}}`;
      seen.add(i);
      last = m.index! + m[0].length;
    }
    result += escapeIcu(out.slice(last), plural);
    own.forEach((_, i) => {
      if (!seen.has(i) && literalOne !== i) throw new Error(`${key}: argument ${own[i].name} does not appear verbatim in the output; translate this message by hand`);
    });
    return result;
  };
  const base = String(f(...argsWith({})));
  const other = toTemplate(base, false, null);
  // Plural detection: the first number parameter whose value 1 changes the wording.
  for (let i = 0; i < own.length; i++) {
    if (!isNum[i]) continue;
    const one = String(f(...argsWith({ [i]: 1 })));
    const two = String(f(...argsWith({ [i]: 2 })));
    const asBase = (out: string, v: number) => out.replace(new RegExp(`(?<!\\d)${v}(?!\\d)`), String(sentinelNum(i)));
    if (asBase(two, 2) !== base) throw new Error(`${key}: the wording depends on ${own[i].name} in a way other than singular/plural; translate by hand`);
    if (asBase(one, 1) === base) continue;
    return `{${names[i]}, plural, one {${toTemplate(one, true, i)}} other {${toTemplate(base, true, null)}}}`;
  }
  return other;
}

function convert(node: ts.Expression, key: string, names: Record<string, string[]> | null, args: Record<string, string[]>): { msg: MessageNode; shape: string } {
  const { expr, typeText } = unwrap(node);
  if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return { msg: escapeIcu(expr.text, false), shape: 'string' };
  if (ts.isArrowFunction(expr) || ts.isFunctionExpression(expr)) {
    const own = paramsOf(expr);
    const zhNames = names ? names[key] : own.map((p) => p.name);
    if (!zhNames || zhNames.length !== own.length) throw new Error(`${key}: zh and en take different arguments`);
    if (!names) args[key] = zhNames;
    return { msg: functionToIcu(expr, zhNames, key), shape: `(${own.map((p) => `${p.name}: ${p.type}`).join(', ')}) => string` };
  }
  if (ts.isArrayLiteralExpression(expr)) {
    const subs = expr.elements.map((el, i) => convert(el, `${key}.${i}`, names, args));
    return { msg: subs.map((x) => x.msg), shape: typeText ?? `${subs.every((x) => x.shape === 'string') ? 'string' : `(${[...new Set(subs.map((x) => x.shape))].join(' | ')})`}[]` };
  }
  if (ts.isObjectLiteralExpression(expr)) {
    const msg: MessageTree = {};
    const parts: string[] = [];
    for (const p of expr.properties) {
      const name = propName(p);
      const sub = convert((p as ts.PropertyAssignment).initializer, `${key}.${name}`, names, args);
      msg[name] = sub.msg;
      parts.push(`${/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name)}: ${sub.shape}`);
    }
    return { msg, shape: typeText ?? `{ ${parts.join('; ')} }` };
  }
  throw new Error(`${key}: unsupported value ${expr.getText().slice(0, 60)}`);
}

function dictionaries(file: string): { zh: ts.ObjectLiteralExpression; en: ts.ObjectLiteralExpression; imports: string[] } {
  const src = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  let zh: ts.ObjectLiteralExpression | undefined;
  let en: ts.ObjectLiteralExpression | undefined;
  const imports: string[] = [];
  for (const st of src.statements) {
    if (ts.isImportDeclaration(st)) imports.push(st.getText());
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      if (!d.initializer) continue;
      const { expr } = unwrap(d.initializer);
      if (!ts.isObjectLiteralExpression(expr)) continue;
      if (d.name.getText() === 'zh') zh = expr;
      if (d.name.getText() === 'en') en = expr;
    }
  }
  if (!zh || !en) throw new Error(`${file}: no \`const zh = {…}\` and \`const en = {…}\` found`);
  return { zh, en, imports };
}

/** Imports the named top-level sections (all when none are named) of an old-style dictionary file. */
export function importSections(file: string, sections: string[]): Record<string, Imported> {
  const { zh, en } = dictionaries(file);
  const byName = (o: ts.ObjectLiteralExpression) => new Map(o.properties.map((p) => [propName(p), (p as ts.PropertyAssignment).initializer]));
  const zhs = byName(zh);
  const ens = byName(en);
  const wanted = sections.length ? sections : [...zhs.keys()];
  const out: Record<string, Imported> = {};
  for (const s of wanted) {
    const z = zhs.get(s);
    const e = ens.get(s);
    if (!z || !e) throw new Error(`section ${s} is missing in ${!z ? 'zh' : 'en'}`);
    const args: Record<string, string[]> = {};
    const zc = convert(z, s, null, args);
    const ec = convert(e, s, args, args);
    out[s] = { zh: zc.msg, en: ec.msg, args, shape: zc.shape };
  }
  return out;
}

const SHAPE_HEAD = '// Generated and updated by scripts/i18n-import.ts; one block per top-level section.\n';

/** Writes imported sections into the locale files, args.json and shape.ts, replacing same-named ones. */
export function writeSections(imported: Record<string, Imported>, imports: string[]): void {
  const read = <T>(f: string, dflt: T): T => (fs.existsSync(f) ? (JSON.parse(fs.readFileSync(f, 'utf8')) as T) : dflt);
  const zhFile = path.join(localeDir, 'zh.json');
  const enFile = path.join(localeDir, 'en.json');
  const argsFile = path.join(localeDir, 'args.json');
  const shapeFile = path.join(localeDir, 'shape.ts');
  const zh = read<MessageTree>(zhFile, {});
  const en = read<MessageTree>(enFile, {});
  const args = read<ArgSpec>(argsFile, {});
  let shape = fs.existsSync(shapeFile) ? fs.readFileSync(shapeFile, 'utf8') : `${SHAPE_HEAD}${imports.join('\n')}\n\n/** The UI strings of one language, as the app's code sees them. */\nexport interface Strings {\n}\n`;
  for (const [s, imp] of Object.entries(imported)) {
    zh[s] = imp.zh;
    en[s] = imp.en;
    for (const k of Object.keys(args)) if (k === s || k.startsWith(`${s}.`)) delete args[k];
    Object.assign(args, imp.args);
    const block = `  // <${s}>\n  ${/^[A-Za-z_$][\w$]*$/.test(s) ? s : JSON.stringify(s)}: ${imp.shape};\n  // </${s}>\n`;
    const re = new RegExp(`  // <${s}>\\n[\\s\\S]*?  // </${s}>\\n`);
    shape = re.test(shape) ? shape.replace(re, block) : shape.replace(/\n}\n$/, `\n${block}}\n`);
  }
  // Contract types the shapes refer to: keep the import lines of the old file that are not there yet.
  for (const line of imports) if (!shape.includes(line)) shape = shape.replace(SHAPE_HEAD, `${SHAPE_HEAD}${line}\n`);
  const problems = checkLocales({ zh, en }, args);
  if (problems.length) throw new Error(`the locales would not be valid:\n${problems.join('\n')}`);
  const sorted = Object.fromEntries(Object.entries(args).sort(([a], [b]) => a.localeCompare(b)));
  fs.mkdirSync(localeDir, { recursive: true });
  fs.writeFileSync(zhFile, `${JSON.stringify(zh, null, 2)}\n`);
  fs.writeFileSync(enFile, `${JSON.stringify(en, null, 2)}\n`);
  fs.writeFileSync(argsFile, `${JSON.stringify(sorted, null, 2)}\n`);
  fs.writeFileSync(shapeFile, shape);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const [file, ...sections] = process.argv.slice(2);
  if (!file) {
    console.error('usage: tsx scripts/i18n-import.ts <old-i18n.ts> [section …]');
    process.exit(2);
  }
  const imported = importSections(file, sections);
  writeSections(imported, dictionaries(file).imports);
  console.log(`imported ${Object.keys(imported).join(', ')} into client/src/locales/`);
}
