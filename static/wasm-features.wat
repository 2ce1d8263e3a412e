;; Every WebAssembly feature the app is built with, in one tiny module: its bytes are in
;; static/boot.js, which checks them with WebAssembly.validate before loading the app.
;; Rebuild: tools/node_modules/.bin/wasm-as --all-features static/wasm-features.wat -o x.wasm
(module
  (import "m" "g" (global $g (mut i32)))
  (memory 1)
  (table 1 externref)
  (func $f (param externref) (result i32 i32)
    (memory.fill (i32.const 0) (i32.const 0) (i32.const 1))
    (table.set (i32.const 0) (local.get 0))
    (i32.extend8_s (i32.trunc_sat_f32_s (f32.const 1)))
    (global.get $g)
  )
)
