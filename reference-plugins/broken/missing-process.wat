;; Forgets to export process (a missing #[no_mangle]).
(module
  (memory (export "memory") 2)
  (data (i32.const 16) "wat-echo v1.2.3\00")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010203))
)
