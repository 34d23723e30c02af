# $ErrorActionPreference applies to runtime errors: SilentlyContinue hides them (they are
# still in $Error), Stop ends the script.
$ErrorActionPreference = 'SilentlyContinue'
1 / 0
"hidden, recorded: $($Error.Count)"
$ErrorActionPreference = 'Stop'
1 / 0
'not reached'
# EXIT: 1
# CHECK: hidden, recorded: 1
# CHECK: RuntimeException: {file}:7
# CHECK: Line |
# CHECK:    7 |  1 / 0
# CHECK:      |  ~~~~~
# CHECK:      | Attempted to divide by zero.
