;; CORRECT: "discard" sink: accepts everything, always writes empty output. No imports, memory has a maximum.
(module
  (memory (export "memory") 1 65536)
  (data (i32.const 1024) "discard v1.0.0\00")
  (func (export "plugin_info") (result i32) (i32.const 1024))
  (func (export "plugin_version") (result i32) (i32.const 0x010000))
  (func (export "process") (param i32 i32 i32 i32) (result i32)
    (i32.store (local.get 3) (i32.const 0))
    (i32.const 0)))
