/**
 * Reads the text a user types for a custom f(x, y) into our {@link ExprNode} tree. mathjs does the
 * tokenising and precedence (its parser builds plain node objects and never generates code); we
 * then accept only the small language the evaluator supports and explain anything else in words,
 * with the 1-based column of the problem where it can be located.
 */
import { create, parseDependencies, type MathNode } from 'mathjs';
import { EXPR_FUNCTION_ARITY, ExprPool, type ExprFunctionName, type ExprNode } from './expr-ast';
import {
  exprBracketCheck,
  exprClosestName,
  exprColumnOfName,
  exprColumnOfText,
  exprFailure,
  type ExprFailure,
  type ExprResult,
} from './expr-errors';

const mathjsParse = create({ parseDependencies }).parse;

/** Longest accepted input, in characters; longer text is almost surely a paste mistake. */
export const EXPR_SOURCE_MAX_LENGTH = 1000;

/** Function names a user may type, mapped to the evaluator's names (ln is an alias of log). */
export const EXPR_USER_FUNCTIONS: Readonly<Record<string, ExprFunctionName>> = {
  sin: 'sin',
  cos: 'cos',
  tan: 'tan',
  exp: 'exp',
  log: 'log',
  ln: 'log',
  sqrt: 'sqrt',
  abs: 'abs',
  tanh: 'tanh',
  sinh: 'sinh',
  cosh: 'cosh',
  sigmoid: 'sigmoid',
  softplus: 'softplus',
  sign: 'sign',
  heaviside: 'heaviside',
  min: 'min',
  max: 'max',
};

/**
 * Names are looked up only in these Maps, never as properties of a plain object: `constructor`,
 * `__proto__`, `toString` and the other names every object inherits must read as unknown names.
 */
const FUNCTIONS: ReadonlyMap<string, ExprFunctionName> = new Map(
  Object.entries(EXPR_USER_FUNCTIONS),
);

const CONSTANTS: ReadonlyMap<string, 'pi' | 'e'> = new Map([
  ['pi', 'pi'],
  ['PI', 'pi'],
  ['π', 'pi'],
  ['e', 'e'],
  ['E', 'e'],
]);

const BINARY: ReadonlyMap<string, 'add' | 'sub' | 'mul' | 'div' | 'pow'> = new Map([
  ['add', 'add'],
  ['subtract', 'sub'],
  ['multiply', 'mul'],
  ['dotMultiply', 'mul'],
  ['divide', 'div'],
  ['dotDivide', 'div'],
  ['pow', 'pow'],
  ['dotPow', 'pow'],
]);

/** The fields of mathjs nodes this module reads. */
interface MathjsNodeView {
  readonly type: string;
  readonly value?: unknown;
  readonly name?: string;
  readonly op?: string;
  readonly fn?: unknown;
  readonly args?: readonly MathNode[];
  readonly content?: MathNode;
}

/** Thrown inside the converter only; {@link exprParse} turns it into a result. */
class Rejection extends Error {
  constructor(readonly failure: ExprFailure) {
    super(failure.message);
  }
}

function reject(message: string, column?: number): never {
  throw new Rejection(exprFailure(message, column));
}

const KNOWN_FUNCTIONS = [...FUNCTIONS.keys()].join(', ');

function unknownName(source: string, name: string): never {
  const column = exprColumnOfName(source, name);
  const where = column === undefined ? '' : ` at column ${column}`;
  if (/^[xy]{2,}$/.test(name)) {
    const product = name.split('').join('*');
    reject(`Unknown name '${name}'${where}: for a product write ${product}.`, column);
  }
  const guess = exprClosestName(name, [...FUNCTIONS.keys(), 'pi']);
  const hint = guess ? ` Did you mean '${guess}'?` : '';
  reject(
    `Unknown name '${name}'${where}: f may use only the variables x and y and the constants pi and e.${hint}`,
    column,
  );
}

function convertFunction(
  source: string,
  pool: ExprPool,
  fnNode: unknown,
  args: readonly MathNode[],
): ExprNode {
  const name = (fnNode as MathjsNodeView).name;
  if ((fnNode as MathjsNodeView).type !== 'SymbolNode' || name === undefined) {
    reject('Only calls of named functions such as sin(x) are supported.');
  }
  const column = exprColumnOfName(source, name);
  const fn = FUNCTIONS.get(name);
  if (fn === undefined) {
    const guess = exprClosestName(name, [...FUNCTIONS.keys()]);
    const hint = guess ? ` Did you mean '${guess}'?` : '';
    const where = column === undefined ? '' : ` at column ${column}`;
    reject(`Unknown function '${name}'${where}.${hint} Known: ${KNOWN_FUNCTIONS}.`, column);
  }
  const arity = EXPR_FUNCTION_ARITY[fn];
  if (args.length !== arity) {
    const plural = arity === 1 ? 'argument' : 'arguments';
    const note = fn === 'log' ? ' (log is the natural logarithm)' : '';
    reject(`${name} takes ${arity} ${plural}${note} but was given ${args.length}.`, column);
  }
  return pool.call(
    fn,
    args.map((a) => convert(source, pool, a)),
  );
}

function convertOperator(source: string, pool: ExprPool, node: MathjsNodeView): ExprNode {
  const args = node.args ?? [];
  const fn = String(node.fn);
  if (fn === 'unaryMinus' && args.length === 1) return pool.neg(convert(source, pool, args[0]));
  if (fn === 'unaryPlus' && args.length === 1) return convert(source, pool, args[0]);
  const kind = BINARY.get(fn);
  if (kind !== undefined && args.length === 2) {
    const left = convert(source, pool, args[0]);
    const right = convert(source, pool, args[1]);
    return pool[kind](left, right);
  }
  const op = node.op ?? fn;
  reject(
    `Operator '${op}' is not supported; use + - * / ^ and functions.`,
    exprColumnOfText(source, op),
  );
}

function convert(source: string, pool: ExprPool, mathNode: MathNode): ExprNode {
  const node = mathNode as unknown as MathjsNodeView;
  switch (node.type) {
    case 'ConstantNode': {
      const v = node.value;
      if (typeof v !== 'number')
        reject(`'${String(v)}' is not a number; only numbers, x and y are allowed.`);
      if (Number.isNaN(v))
        reject('NaN cannot be used as a constant.', exprColumnOfName(source, 'NaN'));
      if (!Number.isFinite(v))
        reject('Infinite constants are not allowed; the number is too large.');
      return pool.num(v);
    }
    case 'SymbolNode': {
      const name = node.name ?? '';
      if (name === 'x' || name === 'y') return pool.variable(name);
      const constant = CONSTANTS.get(name);
      if (constant) return pool.constant(constant);
      if (FUNCTIONS.has(name)) {
        const column = exprColumnOfName(source, name);
        reject(`'${name}' is a function: write ${name}(…) with parentheses.`, column);
      }
      return unknownName(source, name);
    }
    case 'ParenthesisNode':
      return convert(source, pool, node.content as MathNode);
    case 'OperatorNode':
      return convertOperator(source, pool, node);
    case 'FunctionNode':
      return convertFunction(source, pool, node.fn, node.args ?? []);
    case 'AssignmentNode':
    case 'FunctionAssignmentNode':
      return reject(
        "Type only the expression (for example x^2 + y^2), without 'f(x, y) =' or assignments.",
        exprColumnOfText(source, '='),
      );
    case 'BlockNode':
      return reject('Type a single expression (no ; or line breaks).');
    case 'ConditionalNode':
      return reject("Conditionals 'a ? b : c' are not supported; try min, max, abs or heaviside.");
    case 'RelationalNode':
      return reject('Comparisons (<, >, ==, …) are not supported in f(x, y).');
    default:
      return reject('Matrices, indexing, ranges, units and objects are not supported in f(x, y).');
  }
}

/** Rewrites a mathjs syntax message ("Value expected (char 3)") for a user, with its column. */
function syntaxFailure(error: unknown): ExprFailure {
  const raw = error instanceof Error ? error.message : String(error);
  const char = (error as { char?: unknown }).char;
  const column = typeof char === 'number' ? char : undefined;
  let what = raw.replace(/\s*\(char \d+\)\s*$/, '');
  if (/^Value expected/.test(what)) what = "expected a number, x, y, a function or '(' here";
  else if (/^Unexpected end of expression/.test(what)) what = 'the expression ends too early';
  else {
    const part = /^Syntax error in part "(.*)"$/.exec(what);
    if (part) what = `unexpected character(s) '${part[1]}' (use ^ for powers, e.g. x^2)`;
  }
  const where = column === undefined ? '' : ` at column ${column}`;
  return exprFailure(`Syntax error${where}: ${what}.`, column);
}

/**
 * Parses the text of f(x, y). Never throws: returns `{ ok: true, expr }` or `{ ok: false, message,
 * column? }` with a message naming the problem (syntax, unbalanced parentheses, unknown name or
 * function, wrong number of arguments, empty input).
 */
export function exprParse(source: string): ExprResult<{ readonly expr: ExprNode }> {
  if (source.trim() === '')
    return exprFailure('Type a function of x and y, for example x^2 + 10*y^2.');
  if (source.length > EXPR_SOURCE_MAX_LENGTH) {
    return exprFailure(
      `The expression is too long (more than ${EXPR_SOURCE_MAX_LENGTH} characters).`,
    );
  }
  const brackets = exprBracketCheck(source);
  if (brackets) return brackets;
  let tree: MathNode;
  try {
    tree = mathjsParse(source);
  } catch (error) {
    if (error instanceof RangeError) return exprFailure('The expression is nested too deeply.');
    return syntaxFailure(error);
  }
  try {
    return { ok: true, expr: convert(source, new ExprPool(), tree) };
  } catch (error) {
    if (error instanceof Rejection) return error.failure;
    if (error instanceof RangeError) return exprFailure('The expression is nested too deeply.');
    return exprFailure(
      `Could not read the expression: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
