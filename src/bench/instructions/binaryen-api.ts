/**
 * The part of binaryen.js this suite uses, typed from what binaryen 132 actually exports: its
 * bundled index.d.ts lags the JavaScript (readBinary's features argument, i64.const taking a
 * bigint, the Loop and Function expression classes), so we declare what we call.
 */
export type ExpressionRef = number;
export type FunctionRef = number;

export interface BinaryenModule {
  getNumFunctions(): number;
  getFunctionByIndex(index: number): FunctionRef;
  addGlobal(name: string, type: number, mutable: boolean, init: ExpressionRef): number;
  addGlobalExport(internalName: string, externalName: string): number;
  block(label: string | null, children: readonly ExpressionRef[], type?: number): ExpressionRef;
  global: {
    get(name: string, type: number): ExpressionRef;
    set(name: string, value: ExpressionRef): ExpressionRef;
  };
  i64: {
    const(value: bigint): ExpressionRef;
    add(left: ExpressionRef, right: ExpressionRef): ExpressionRef;
  };
  setFeatures(features: number): void;
  validate(): number;
  emitBinary(): Uint8Array;
  dispose(): void;
}

export interface ExpressionInfo {
  id: number;
  type: number;
  [field: string]: unknown;
}

export interface Binaryen {
  readBinary(bytes: Uint8Array, features?: number): BinaryenModule;
  Features: { All: number };
  i64: number;
  auto: number;
  getExpressionId(expression: ExpressionRef): number;
  getExpressionInfo(expression: ExpressionRef): ExpressionInfo;
  getExpressionType(expression: ExpressionRef): number;
  getFunctionInfo(func: FunctionRef): { name: string; module: string | null; body: ExpressionRef };
  Loop: {
    getBody(loop: ExpressionRef): ExpressionRef;
    setBody(loop: ExpressionRef, body: ExpressionRef): void;
  };
  Function: { setBody(func: FunctionRef, body: ExpressionRef): void };
}

/** binaryen's numeric id of an expression kind (`Loop` -> binaryen.LoopId), if it has one. */
export function expressionId(binaryen: Binaryen, kind: string): number | undefined {
  const id = (binaryen as unknown as Record<string, unknown>)[`${kind}Id`];
  return typeof id === 'number' ? id : undefined;
}

/** The kind of an expression id (`LoopId` -> `Loop`), to name kinds the counter does not know. */
export function expressionKind(binaryen: Binaryen, id: number): string | undefined {
  const entries = Object.entries(binaryen as unknown as Record<string, unknown>);
  return entries
    .find(([key, value]) => key.endsWith('Id') && key !== 'InvalidId' && value === id)?.[0]
    .slice(0, -2);
}

let loaded: Promise<Binaryen> | undefined;

/** binaryen is 14 MB of JavaScript that takes ~0.3 s to start: loaded only when counting. */
export function loadBinaryen(): Promise<Binaryen> {
  loaded ??= import('binaryen').then((module) => module.default as unknown as Binaryen);
  return loaded;
}
