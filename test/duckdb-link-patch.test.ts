import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { join } from 'node:path';
import { runInNewContext, Script } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Blocking from '@duckdb/duckdb-wasm/blocking';
import { applyGluePatches, duckdbDist, findGlue, PATCH_MARKER, patchDuckdbWorker } from '../scripts/duckdb-link-patch';
import { NODE_BUNDLES } from './util/test-db';

const DIST = duckdbDist();
const read = (file: string) => readFileSync(join(DIST, file), 'utf8');

describe('DuckDB worker patch', () => {
  it.each(['duckdb-browser-eh.worker.js', 'duckdb-browser-mvp.worker.js'])('applies to %s once, and the script parses', (file) => {
    const original = read(file);
    const patched = patchDuckdbWorker(original);
    expect(patched.startsWith(PATCH_MARKER)).toBe(true);
    expect(() => new Script(patched, { filename: file })).not.toThrow();
    // The eager GOT fill and the entries copies are gone; the lazy map and its single creator are in.
    expect(original).toContain('GOT[r]||(GOT[r]=new WebAssembly.Global');
    expect(patched).not.toContain('GOT[r]||(GOT[r]=new WebAssembly.Global');
    expect(patched).not.toContain('e=Object.assign({},e);');
    expect(patched.match(/new WebAssembly\.Global\(\{value:"i32",mutable:!0\}\)/g)).toHaveLength(1);
    expect(patched).toContain('lazyGOT.set(name,value)');
    // DuckDB's source map describes the unpatched file: its comment goes.
    expect(original).toMatch(/sourceMappingURL=/);
    expect(patched).not.toMatch(/sourceMappingURL=/);
  });

  it('refuses a replacement that writes a name its find did not match', () => {
    const patches = [{ name: 'typo', find: 'get($A){', replace: 'get($A,$F){' }];
    expect(() => applyGluePatches('get(q){', patches)).toThrow(/"typo" writes \$F/);
  });

  it('names the patch that no longer matches, instead of shipping half-patched glue', () => {
    const original = read('duckdb-browser-eh.worker.js');
    const changed = original.replace('function applySignatureConversions(e){e=Object.assign({},e);', 'function applySignatureConversions(e){');
    expect(() => patchDuckdbWorker(changed)).toThrow(
      /"exports: signature conversions applied in place" matched 0 times \(expected 1\)/,
    );
    expect(() => patchDuckdbWorker(original + original)).toThrow(/"the maps of deferred GOT entries and of compiled wrapper modules" matched 2 times/);
  });

  it('matches whatever local names the minifier chose, the same name where a letter repeats', () => {
    const patches = [{ name: 'handler', find: 'get($A,$B){var $C=GOT[$B];', replace: 'get($A,$B){var $C=look($B);' }];
    expect(applyGluePatches('x;get(q,w$){var z=GOT[w$];return z}', patches)).toBe('x;get(q,w$){var z=look(w$);return z}');
    // `$B` twice must be one name: GOT[q] is another symbol's entry.
    expect(() => applyGluePatches('get(q,w){var z=GOT[q];', patches)).toThrow(/"handler" matched 0 times/);
    const gap = [{ name: 'gap', find: 'err($ANY))}}', replace: 'err())}}' }];
    expect(applyGluePatches('a&&err("x".concat(r,")").concat(typeof n)))}},b', gap)).toBe('a&&err())}},b');
  });
});

/**
 * The GOT functions of a glue text, run in a sandbox with stand-ins for the rest of the glue: `addFunction`
 * gives each new function the next table slot, numbers are addresses (≥ 1000), `err` collects messages.
 * `script` runs there and its value is returned.
 */
function runGot(glueText: string, script: string): unknown {
  const parts = [
    findGlue(glueText, 'GOTHandler={get($A,$B){$ANY}}'),
    findGlue(glueText, 'materializeGOT=name=>{$ANY}return g}'),
    findGlue(glueText, 'updateGOT=($A,$B)=>{$ANY}}'),
  ].filter((part) => part !== undefined);
  const prelude = `var GOT={},lazyGOT=new Map(),currentModuleWeakSymbols=new Set(["weak"]),table=[],errors=[],materializeGOT,updateGOT,GOTHandler;
    var addFunction=f=>{var i=table.indexOf(f);if(i>=0)return i+1;table.push(f);return table.length};
    var isInternalSym=n=>n==="__wasm_call_ctors";
    var err=m=>errors.push(m);
    var describe=v=>v>=1000?v:v===0?0:"fn:"+table[v-1].name;`;
  return runInNewContext(`${prelude}\n${parts.join(';\n')};\n${script}`, { WebAssembly });
}

describe('lazy GOT against the glue it replaces', () => {
  const original = read('duckdb-browser-eh.worker.js');
  const patched = patchDuckdbWorker(original);

  it('finds the GOT functions in both texts', () => {
    expect(findGlue(original, 'materializeGOT=name=>{$ANY}return g}')).toBeUndefined();
    expect(findGlue(patched, 'materializeGOT=name=>{$ANY}return g}')).toBeDefined();
    for (const text of [original, patched]) {
      expect(findGlue(text, 'GOTHandler={get($A,$B){$ANY}}')).toBeDefined();
      expect(findGlue(text, 'updateGOT=($A,$B)=>{$ANY}}')).toBeDefined();
    }
  });

  // Modules linked one after another (the main module, then side modules), with entries requested before,
  // between and after: each entry ends with the same value (the same function, or the same address), the
  // same "required" flag, and the same errors.
  const SCENARIO = `
    var A=function fa(){},B=function fb(){},B2=function fb2(){},C=function fc(){},D=function fd(){};
    GOTHandler.get(null,"a");GOTHandler.get(null,"weak");
    updateGOT({a:A,b:B,n:1004,__wasm_call_ctors:C,weak:1005,d:D});
    GOTHandler.get(null,"d");
    updateGOT({b:B2,n:1010,m:1011});
    updateGOT({"orig$b":B2,x:1020,m:1021});
    updateGOT({n:1030},true);
    updateGOT({s:"text"});
    updateGOT({t:1040});updateGOT({t:"text"});GOTHandler.get(null,"u");updateGOT({u:1050});updateGOT({u:"text"});
    JSON.stringify(["a","b","d","n","m","x","weak","__wasm_call_ctors","s","t","u","never"]
      .map(name=>{var g=GOTHandler.get(null,name);return [name,describe(g.value),!!g.required]})
      .concat([["errors",errors.length]]))`;

  it('ends with the same entries as the eager glue', () => {
    const eager = runGot(original, SCENARIO);
    expect(JSON.parse(String(eager))).toContainEqual(['b', 'fn:fb2', true]);
    expect(runGot(patched, SCENARIO)).toBe(eager);
  });

  it('creates only the entries a module has asked for', () => {
    const count = `GOTHandler.get(null,"f7");
      var exports={};for(var i=0;i<1000;i++)exports["f"+i]={["f"+i]:function(){}}["f"+i];updateGOT(exports);
      [Object.keys(GOT).length,table.length,describe(GOT.f7.value)]`;
    expect(runGot(original, count)).toEqual([1000, 1000, 'fn:f7']);
    expect(runGot(patched, count)).toEqual([1, 1, 'fn:f7']);
  });
});

describe('wrapper modules for JS functions in the table', () => {
  // The glue's helpers from uleb128Encode to convertJsFunctionToWasm sit together, before the table.
  const helpers = (text: string) => findGlue(text, 'uleb128Encode=$ANY,wasmTable=')?.replace(/,wasmTable=$/, '');
  const SCRIPT = `
    var add1=x=>x+1,double=x=>x*2,log=[],note=x=>{log.push(x)};
    var a=convertJsFunctionToWasm(add1,"ii"),b=convertJsFunctionToWasm(double,"ii"),c=convertJsFunctionToWasm(note,"vi");
    c(7);
    JSON.stringify([a(3),b(3),log,typeof wasmWrapperModules=="undefined"?null:wasmWrapperModules.size])`;
  const run = (text: string) =>
    runInNewContext(`var wasmWrapperModules=new Map(),uleb128Encode,sigToWasmTypes,generateFuncType,convertJsFunctionToWasm;${helpers(text)};${SCRIPT}`, {
      // Without WebAssembly.Function (as in most browsers today), so the glue builds wrapper modules.
      WebAssembly: { Module: WebAssembly.Module, Instance: WebAssembly.Instance },
    });

  it('wraps each function to call itself, compiling one module per signature', () => {
    const original = read('duckdb-browser-eh.worker.js');
    expect(run(original)).toBe('[4,6,[7],0]');
    expect(run(patchDuckdbWorker(original))).toBe('[4,6,[7],2]');
  });
});

/** DuckDB's Node bundle (both builds' glue inside), patched, loaded as a module from its own folder. */
function loadPatchedBlocking(): typeof Blocking {
  const file = join(DIST, 'duckdb-node-blocking.cjs');
  const mod = new Module(file) as Module & { _compile(code: string, filename: string): void; paths: string[] };
  mod.filename = file;
  mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(DIST);
  mod._compile(patchDuckdbWorker(readFileSync(file, 'utf8'), 2), file);
  return mod.exports as typeof Blocking;
}

describe('DuckDB linked by the patched glue', () => {
  type Conn = ReturnType<Blocking.DuckDBBindings['connect']>;
  const engines: { db: Blocking.DuckDBBindings; conn: Conn }[] = [];

  async function start(lib: typeof Blocking) {
    const db = await lib.createDuckDB(NODE_BUNDLES, new lib.VoidLogger(), lib.NODE_RUNTIME);
    await db.instantiate(() => {});
    db.open({ query: { castBigIntToDouble: true } });
    const conn = db.connect();
    engines.push({ db, conn });
    return { db, conn };
  }

  let patched: { db: Blocking.DuckDBBindings; conn: Conn };
  let official: { db: Blocking.DuckDBBindings; conn: Conn };
  beforeAll(async () => {
    patched = await start(loadPatchedBlocking());
    official = await start(createRequire(import.meta.url)('@duckdb/duckdb-wasm/blocking') as typeof Blocking);
  }, 60_000);
  afterAll(() => {
    for (const { db, conn } of engines) {
      conn.close();
      db.reset();
    }
  });

  // Each query goes through many of the engine's function pointers (sort, hash aggregate, string functions,
  // CSV reader, window functions, ENUM casts), which a wrongly linked table would call into the wrong function.
  const CSV = 'name,value\n甲,1.5\n乙,2\n甲,3\n丙,\n';
  const QUERIES = [
    "SELECT 42 AS answer, 'text' || 'join' AS s, [1, 2, 3] AS l",
    'SELECT i % 7 AS k, sum(i) AS s, count(*) AS n, string_agg(i::VARCHAR, \',\' ORDER BY i DESC) AS a FROM range(1000) t(i) GROUP BY k ORDER BY k',
    "SELECT regexp_replace('2022年8月4日', '[0-9]+', '#', 'g') AS r, strftime(DATE '2022-08-04', '%Y/%m/%d') AS d",
    "SELECT name, sum(value) AS total, rank() OVER (ORDER BY sum(value) DESC NULLS LAST) AS r FROM read_csv('t.csv', header = true) GROUP BY name ORDER BY name",
    "SELECT CAST(x AS ENUM('a', 'b')) AS e, count(*) AS n FROM (VALUES ('a'), ('b'), ('a')) v(x) GROUP BY ALL ORDER BY ALL",
  ];

  it('opens and answers as the official build does', () => {
    for (const engine of [patched, official]) engine.db.registerFileText('t.csv', CSV);
    for (const text of QUERIES) {
      const mine = patched.conn.query(text).toArray().map((row) => JSON.stringify(row.toJSON()));
      const theirs = official.conn.query(text).toArray().map((row) => JSON.stringify(row.toJSON()));
      expect(mine.length, text).toBeGreaterThan(0);
      expect(mine, text).toEqual(theirs);
    }
  });

  it('reports a bad query as an error, not a crash', () => {
    expect(() => patched.conn.query('SELECT no_such_function(1)')).toThrow(/no_such_function/);
    expect(patched.conn.query('SELECT 1 AS one').toArray()[0]?.toJSON()).toEqual({ one: 1 });
  });
});
