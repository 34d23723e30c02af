# Unbounded recursion stops with pwsh's call depth error instead of crashing.
function Deep { Deep }
try { Deep } catch { $_.Exception.Message }
# CHECK: The script failed due to call depth overflow.
