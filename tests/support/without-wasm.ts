/**
 * The two ways a realm can be without WebAssembly, as globals to stub in for `WebAssembly`: absent, and
 * what a Content-Security-Policy without 'wasm-unsafe-eval' does (the API is there, compiling throws).
 */
export function withoutWebAssembly(): Array<object | undefined> {
  const real = WebAssembly;
  const refuse = {
    validate: real.validate,
    Module: function refused(): never {
      throw new real.CompileError('WebAssembly.Module(): Refused to compile or instantiate WebAssembly module');
    },
  };
  return [undefined, refuse];
}
