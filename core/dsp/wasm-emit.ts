/**
 * A small typed writer of WebAssembly binary modules (WebAssembly Core Specification 2.0, chapter 5, with
 * the fixed-width SIMD instructions): one memory, exported, and functions over i32, f64 and v128 values.
 * It writes only the instructions the project's kernels use; each method appends one instruction.
 */

export const I32 = 0x7f;
export const F64 = 0x7c;
export const V128 = 0x7b;
export type ValueType = typeof I32 | typeof F64 | typeof V128;

function unsigned(n: number, out: number[]): void {
  do {
    const byte = n & 0x7f;
    n >>>= 7;
    out.push(n === 0 ? byte : byte | 0x80);
  } while (n !== 0);
}

function signed(n: number, out: number[]): void {
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    const done = (n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return;
  }
}

/** An export's name; ASCII only, so its UTF-8 bytes are its character codes. */
function name(s: string, out: number[]): void {
  unsigned(s.length, out);
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i) & 0x7f);
}

function vector(items: number[][], out: number[]): void {
  unsigned(items.length, out);
  for (const item of items) out.push(...item);
}

/** A function's body: its extra locals and its instructions. Locals are numbered after the parameters. */
export class FunctionBody {
  private readonly code: number[] = [];
  private readonly extra: ValueType[] = [];

  constructor(readonly params: ValueType[]) {}

  /** A new local of type `t`; returns its index. */
  local(t: ValueType): number {
    this.extra.push(t);
    return this.params.length + this.extra.length - 1;
  }

  get(i: number): this {
    return this.op(0x20).u(i);
  }
  set(i: number): this {
    return this.op(0x21).u(i);
  }
  tee(i: number): this {
    return this.op(0x22).u(i);
  }
  i32(n: number): this {
    this.code.push(0x41);
    signed(n | 0, this.code);
    return this;
  }
  i32Add(): this {
    return this.op(0x6a);
  }
  i32Sub(): this {
    return this.op(0x6b);
  }
  i32Eqz(): this {
    return this.op(0x45);
  }
  i32Ne(): this {
    return this.op(0x47);
  }
  i32GtS(): this {
    return this.op(0x4a);
  }
  i32LtS(): this {
    return this.op(0x48);
  }
  i32Mul(): this {
    return this.op(0x6c);
  }
  i32Load(offset = 0): this {
    return this.op(0x28).memarg(2, offset);
  }
  i32Store(offset = 0): this {
    return this.op(0x36).memarg(2, offset);
  }
  f64Eq(): this {
    return this.op(0x61);
  }
  f64Load(offset = 0): this {
    return this.op(0x2b).memarg(3, offset);
  }
  f64Store(offset = 0): this {
    return this.op(0x39).memarg(3, offset);
  }
  f64Add(): this {
    return this.op(0xa0);
  }
  f64Sub(): this {
    return this.op(0xa1);
  }
  f64Mul(): this {
    return this.op(0xa2);
  }
  v128Load(offset = 0): this {
    return this.simd(0x00).memarg(4, offset);
  }
  v128Store(offset = 0): this {
    return this.simd(0x0b).memarg(4, offset);
  }
  /** Loads one double into lane `lane` of the vector on the stack (address below the vector). */
  v128Load64Lane(offset: number, lane: 0 | 1): this {
    this.simd(0x57).memarg(3, offset);
    this.code.push(lane);
    return this;
  }
  v128Load64Zero(offset = 0): this {
    return this.simd(0x5d).memarg(3, offset);
  }
  /** One float into lane 0, the other lanes zero. */
  v128Load32Zero(offset = 0): this {
    return this.simd(0x5c).memarg(2, offset);
  }
  /** Loads one float into lane `lane` of the vector on the stack (address below the vector). */
  v128Load32Lane(offset: number, lane: number): this {
    this.simd(0x56).memarg(2, offset);
    this.code.push(lane);
    return this;
  }
  /** The double on the stack into both lanes. */
  f64x2Splat(): this {
    return this.simd(0x14);
  }
  /** Lane `lane` of the vector below the double on the stack replaced by it. */
  f64x2ReplaceLane(lane: 0 | 1): this {
    this.simd(0x22);
    this.code.push(lane);
    return this;
  }
  f64x2Div(): this {
    return this.simd(0xf3);
  }
  /** One double into both lanes. */
  v128Load64Splat(offset = 0): this {
    return this.simd(0x0a).memarg(3, offset);
  }
  /** Two doubles as a constant vector. */
  f64x2Const(lane0: number, lane1: number): this {
    this.simd(0x0c);
    const view = new DataView(new ArrayBuffer(16));
    view.setFloat64(0, lane0, true);
    view.setFloat64(8, lane1, true);
    for (let i = 0; i < 16; i++) this.code.push(view.getUint8(i));
    return this;
  }
  v128Store64Lane(offset: number, lane: 0 | 1): this {
    this.simd(0x5b).memarg(3, offset);
    this.code.push(lane);
    return this;
  }
  f32Load(offset = 0): this {
    return this.op(0x2a).memarg(2, offset);
  }
  f32Store(offset = 0): this {
    return this.op(0x38).memarg(2, offset);
  }
  /** f64.promote_f32: exact. */
  f64PromoteF32(): this {
    return this.op(0xbb);
  }
  /** f32.demote_f64: IEEE round to nearest even, as a JavaScript Float32Array store. */
  f32DemoteF64(): this {
    return this.op(0xb6);
  }
  /** f64x2.promote_low_f32x4. */
  f64x2PromoteLow(): this {
    return this.simd(0x5f);
  }
  /** f32x4.demote_f64x2_zero. */
  f32x4DemoteZero(): this {
    return this.simd(0x5e);
  }
  f64x2Add(): this {
    return this.simd(0xf0);
  }
  f64x2Sub(): this {
    return this.simd(0xf1);
  }
  f64x2Mul(): this {
    return this.simd(0xf2);
  }
  /** f64x2.pmin: b < a ? b : a in each lane (x86's minpd). */
  f64x2Pmin(): this {
    return this.simd(0xf6);
  }
  /** f64x2.pmax: a < b ? b : a in each lane (x86's maxpd). */
  f64x2Pmax(): this {
    return this.simd(0xf7);
  }
  /** Flips both lanes' sign bits (NaN's too), as JavaScript's unary minus does. */
  f64x2Neg(): this {
    return this.simd(0xed);
  }
  /** `block` with no result; `br 0` inside leaves it. */
  block(): this {
    return this.op(0x02).op(0x40);
  }
  /** `loop` with no result; `br 0` inside goes back to its start. */
  loop(): this {
    return this.op(0x03).op(0x40);
  }
  br(depth: number): this {
    return this.op(0x0c).u(depth);
  }
  brIf(depth: number): this {
    return this.op(0x0d).u(depth);
  }
  /** Calls the module's function number `index` (its place in the list given to moduleBytes). */
  call(index: number): this {
    return this.op(0x10).u(index);
  }
  end(): this {
    return this.op(0x0b);
  }

  /** The body as the code section holds it: size, locals, instructions, end. */
  bytes(): number[] {
    const body: number[] = [];
    const runs: number[][] = [];
    for (const t of this.extra) {
      const last = runs[runs.length - 1];
      if (last && last[1] === t) last[0]++;
      else runs.push([1, t]);
    }
    vector(
      runs.map(([count, t]) => {
        const out: number[] = [];
        unsigned(count, out);
        out.push(t);
        return out;
      }),
      body,
    );
    body.push(...this.code, 0x0b);
    const out: number[] = [];
    unsigned(body.length, out);
    return out.concat(body);
  }

  private op(byte: number): this {
    this.code.push(byte);
    return this;
  }
  private u(n: number): this {
    unsigned(n, this.code);
    return this;
  }
  private simd(op: number): this {
    this.code.push(0xfd);
    unsigned(op, this.code);
    return this;
  }
  private memarg(align: number, offset: number): this {
    this.code.push(align);
    unsigned(offset, this.code);
    return this;
  }
}

/** A module of exported functions with no results and one exported memory named "memory". */
export function moduleBytes(functions: ReadonlyArray<{ name: string; body: FunctionBody }>, memoryPages: number): Uint8Array<ArrayBuffer> {
  const out: number[] = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  const section = (id: number, content: number[]): void => {
    out.push(id);
    unsigned(content.length, out);
    out.push(...content);
  };
  const types: number[][] = functions.map(({ body }) => {
    const t = [0x60];
    vector(
      body.params.map((p) => [p]),
      t,
    );
    t.push(0);
    return t;
  });
  const typeSection: number[] = [];
  vector(types, typeSection);
  section(1, typeSection);
  const funcSection: number[] = [];
  vector(
    functions.map((_, i) => {
      const o: number[] = [];
      unsigned(i, o);
      return o;
    }),
    funcSection,
  );
  section(3, funcSection);
  const memory: number[] = [1, 0];
  unsigned(memoryPages, memory);
  section(5, memory);
  const exports: number[][] = functions.map(({ name: n }, i) => {
    const e: number[] = [];
    name(n, e);
    e.push(0);
    unsigned(i, e);
    return e;
  });
  const memoryExport: number[] = [];
  name('memory', memoryExport);
  memoryExport.push(2, 0);
  const exportSection: number[] = [];
  vector([...exports, memoryExport], exportSection);
  section(7, exportSection);
  const codeSection: number[] = [];
  vector(
    functions.map(({ body }) => body.bytes()),
    codeSection,
  );
  section(10, codeSection);
  return new Uint8Array(out);
}
