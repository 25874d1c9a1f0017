;; process takes (ptr, len) and returns the output length: not the ABI signature.
(module
  (memory (export "memory") 2)
  (data (i32.const 16) "wat-echo v1.2.3\00")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010203))
  (func (export "process") (param i32 i32) (result i32) (local.get 1))
)
