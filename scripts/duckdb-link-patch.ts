/**
 * DuckDB-WASM's worker scripts, with the start-up linking made lazy.
 *
 * The engine is an Emscripten `MAIN_MODULE` build: after instantiation, its JavaScript glue links the module's
 * 75,011 exports (65,167 of them functions) as a dynamic linker would. For every export it creates a
 * `WebAssembly.Global` in the global offset table (GOT) and, for every exported function, a slot in the function
 * table, growing the table by one slot at a time. It then copies every export into the import namespace, and
 * copies the exports object once more. On a 2-core machine this took ~420 ms of the engine's ~1.5 s start, all on
 * the path to the first query.
 *
 * The module itself imports only ~270 GOT entries, all requested before instantiation. The other entries exist
 * for side modules (DuckDB's loadable extensions, which this app never loads: autoloading is off, and nothing
 * is fetched from another host). The patched glue keeps the value of each such export in a map. It creates the
 * GOT entry, and its table slot, when a module first asks for it. GOT entries already requested are filled at
 * once, exactly as before. The loops over all exports use `for…in` instead of `Object.entries`, the last copy
 * of the exports object is dropped, and the one-function module that wraps a JS function for the table is
 * compiled once per signature instead of once per function (~270 of them). The glue is otherwise DuckDB's own.
 *
 * Each patch is an exact match that must occur once in the file: a new DuckDB-WASM whose glue differs fails
 * the build with the patch's name, rather than shipping unpatched or half-patched glue.
 *
 * `duckdbWorkerPatch()` is the Vite plugin that applies it: the app still imports DuckDB's own worker URLs
 * (`@duckdb/duckdb-wasm/dist/duckdb-browser-{eh,mvp}.worker.js?url`), and the build serves the patched copies.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

export interface GluePatch {
  /** What the patch changes, for the error when it no longer applies. */
  readonly name: string;
  /**
   * The glue's own text (minified). `$A`…`$Z` stand for a local name the minifier chose (the same letter, the
   * same name), `$ANY` for the shortest run of any text.
   */
  readonly find: string;
  /** The new text; `$A`…`$Z` are the names matched in `find`. */
  readonly replace: string;
}

/** The text of the glue that `find` matches (the first match), or undefined. */
export function findGlue(text: string, find: string): string | undefined {
  return text.match(pattern(find))?.[0];
}

/** `find` as a RegExp: literal text, with `$A`… as named groups (then back-references) and `$ANY` as a lazy gap. */
function pattern(find: string): RegExp {
  const seen = new Set<string>();
  const source = find
    .split(/(\$ANY|\$[A-Z])/)
    .map((part, i) => {
      if (i % 2 === 0) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      if (part === '$ANY') return '[\\s\\S]*?';
      const name = part.slice(1);
      if (seen.has(name)) return `\\k<${name}>`;
      seen.add(name);
      return `(?<${name}>[\\w$]+)`;
    })
    .join('');
  return new RegExp(source, 'g');
}

/**
 * The GOT entry `name`, created on first request: filled from the deferred value of an export, if any (a
 * function gets its table slot now), and left 0 otherwise, as the glue's own handler does.
 */
const MATERIALIZE =
  'materializeGOT=name=>{var g=GOT[name]=new WebAssembly.Global({value:"i32",mutable:!0});' +
  'if(lazyGOT.has(name)){var v=lazyGOT.get(name);lazyGOT.delete(name);g.value=typeof v=="function"?addFunction(v):v}' +
  'return g}';

/**
 * `updateGOT(exports, replace)`: as the glue's, for entries that exist; for the others the value is kept in
 * `lazyGOT` under the same rule (the first value stays unless `replace`, or it is 0).
 */
const UPDATE_GOT =
  'updateGOT=(exports,replace)=>{for(var name in exports)if(!isInternalSym(name)){var value=exports[name];' +
  'name.startsWith("orig$")&&(name=name.split("$")[1],replace=!0);' +
  'if(typeof value!="function"&&typeof value!="number"){var odd=GOT[name]||materializeGOT(name);' +
  '(replace||odd.value==0)&&err("unhandled export type for \'".concat(name,"\': ").concat(typeof value));continue}' +
  'var entry=GOT[name];' +
  'entry?(replace||entry.value==0)&&(entry.value=typeof value=="function"?addFunction(value):value)' +
  ':(replace||!lazyGOT.has(name)||lazyGOT.get(name)===0)&&lazyGOT.set(name,value)}}';

export const GLUE_PATCHES: readonly GluePatch[] = [
  {
    name: 'the maps of deferred GOT entries and of compiled wrapper modules',
    find: 'var GOT={},',
    replace: 'var GOT={},lazyGOT=new Map(),wasmWrapperModules=new Map(),',
  },
  {
    name: 'GOT: entries requested by a module are created on demand',
    find: 'GOTHandler={get($A,$B){var $C=GOT[$B];return $C||($C=GOT[$B]=new WebAssembly.Global({value:"i32",mutable:!0})),',
    replace: 'GOTHandler={get($A,$B){var $C=GOT[$B]||materializeGOT($B);return ',
  },
  {
    name: 'GOT: the heap base entry is created on demand',
    find: 'GOT.__heap_base.value=$A',
    replace: '(GOT.__heap_base||materializeGOT("__heap_base")).value=$A',
  },
  {
    name: 'GOT: exports fill requested entries now and defer the rest',
    find:
      'updateGOT=($A,$B)=>{for(var $C in $A)if(!isInternalSym($C)){var $D=$A[$C];$C.startsWith("orig$")&&($C=$C.split("$")[1],$B=!0),' +
      'GOT[$C]||(GOT[$C]=new WebAssembly.Global({value:"i32",mutable:!0})),($B||GOT[$C].value==0)&&(typeof $D=="function"?' +
      'GOT[$C].value=addFunction($D):typeof $D=="number"?GOT[$C].value=$D:err($ANY))}}',
    replace: `${MATERIALIZE},${UPDATE_GOT}`,
  },
  {
    name: 'symbols: merged without an entries array',
    find:
      'mergeLibSymbols=($A,$B)=>{registerDynCallSymbols($A);for(var[$C,$D]of Object.entries($A))($E=>{isSymbolDefined($E)||(wasmImports[$E]=$D)})($C)}',
    replace: 'mergeLibSymbols=($A,$B)=>{registerDynCallSymbols($A);for(var $C in $A)isSymbolDefined($C)||(wasmImports[$C]=$A[$C])}',
  },
  {
    name: 'symbols: dynCall_ exports registered without an entries array',
    find:
      'registerDynCallSymbols=$A=>{for(var[$B,$C]of Object.entries($A))$B.startsWith("dynCall_")&&!Module.hasOwnProperty($B)&&(Module[$B]=$C)}',
    replace:
      'registerDynCallSymbols=$A=>{for(var $B in $A)$B.startsWith("dynCall_")&&!Module.hasOwnProperty($B)&&(Module[$B]=$A[$B])}',
  },
  {
    // A JS function put in the table is wrapped in a one-function module; the module depends only on the
    // signature, so each signature's is compiled once and then instantiated per function.
    name: 'table: one wrapper module per signature',
    find:
      'convertJsFunctionToWasm=($A,$B)=>{if(typeof WebAssembly.Function=="function")return new WebAssembly.Function(sigToWasmTypes($B),$A);' +
      'var $C=[1];generateFuncType($B,$C);var $D=[0,97,115,109,1,0,0,0,1];uleb128Encode($C.length,$D),$D.push(...$C),' +
      '$D.push(2,7,1,1,101,1,102,0,0,7,5,1,1,102,0,0);var $E=new WebAssembly.Module(new Uint8Array($D)),',
    replace:
      'convertJsFunctionToWasm=($A,$B)=>{if(typeof WebAssembly.Function=="function")return new WebAssembly.Function(sigToWasmTypes($B),$A);' +
      'var $E=wasmWrapperModules.get($B);if(!$E){var $C=[1];generateFuncType($B,$C);var $D=[0,97,115,109,1,0,0,0,1];' +
      'uleb128Encode($C.length,$D),$D.push(...$C),$D.push(2,7,1,1,101,1,102,0,0,7,5,1,1,102,0,0);' +
      '$E=new WebAssembly.Module(new Uint8Array($D));wasmWrapperModules.set($B,$E)}var ',
  },
  {
    // The object converted is the glue's own copy of the exports (made when they were relocated).
    name: 'exports: signature conversions applied in place',
    find: 'function applySignatureConversions($A){$A=Object.assign({},$A);',
    replace: 'function applySignatureConversions($A){',
  },
];

/** Marks a patched script (tests and the browser check look for it). */
export const PATCH_MARKER = '/* figures-board: lazy GOT */';

/**
 * `source` with each of `patches` applied to each of its `copies` of the glue. Throws naming the first patch
 * that does not match exactly `copies` times.
 */
export function applyGluePatches(source: string, patches: readonly GluePatch[], copies = 1): string {
  let text = source;
  for (const patch of patches) {
    const find = pattern(patch.find);
    const count = text.match(find)?.length ?? 0;
    if (count !== copies) {
      throw new Error(
        `DuckDB worker patch "${patch.name}" matched ${count} times (expected ${copies}): the DuckDB-WASM glue ` +
          'has changed; review scripts/duckdb-link-patch.ts against the new version',
      );
    }
    text = text.replace(find, (...args) => {
      const names = args.at(-1) as Record<string, string> | undefined;
      return patch.replace.replace(/\$([A-Z])\b/g, (_, name: string) => {
        const value = names?.[name];
        if (value === undefined) throw new Error(`DuckDB worker patch "${patch.name}" writes $${name}, which its find does not match`);
        return value;
      });
    });
  }
  return text;
}

/**
 * A worker script (one copy of the glue; DuckDB's Node bundle has two, its mvp and eh builds) patched and marked.
 * Its source-map comment is dropped: DuckDB's map describes the unpatched file.
 */
export function patchDuckdbWorker(source: string, copies = 1): string {
  const patched = applyGluePatches(source, GLUE_PATCHES, copies).replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
  return `${PATCH_MARKER}\n${patched}`;
}

/** The worker scripts the app imports (as `?url`), by file name. */
const WORKER_IMPORT = /^@duckdb\/duckdb-wasm\/dist\/(duckdb-browser-(?:eh|mvp)\.worker\.js)\?url$/;

/** DuckDB-WASM's `dist` folder. */
export function duckdbDist(): string {
  return dirname(createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm'));
}

/**
 * Serves (and builds) DuckDB's worker scripts patched: at build start the patched copies are written to Vite's
 * cache folder, and the app's `?url` imports of the originals resolve to them.
 */
export function duckdbWorkerPatch(): Plugin {
  let outDir = '';
  return {
    name: 'figures-board:duckdb-worker-patch',
    enforce: 'pre',
    configResolved(config) {
      outDir = join(config.cacheDir, 'duckdb-worker');
    },
    buildStart() {
      mkdirSync(outDir, { recursive: true });
      for (const file of ['duckdb-browser-eh.worker.js', 'duckdb-browser-mvp.worker.js']) {
        writeFileSync(join(outDir, file), patchDuckdbWorker(readFileSync(join(duckdbDist(), file), 'utf8')));
      }
    },
    resolveId(source) {
      const match = WORKER_IMPORT.exec(source);
      return match ? `${join(outDir, match[1] ?? '')}?url` : null;
    },
  };
}
