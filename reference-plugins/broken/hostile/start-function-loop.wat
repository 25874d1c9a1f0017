;; HOSTILE: the module's start function never returns, so it cannot even be instantiated.
(module
  (memory (export "memory") 2)
  (data (i32.const 16) "wat-echo v1.2.3\00")
  (func $forever (loop $spin (br $spin)))
  (start $forever)
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "process") (param $in i32) (param $len i32) (param $out i32) (param $cell i32) (result i32)
    (i32.const 0))
)
