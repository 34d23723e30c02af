# try / catch / finally, throw, $_ in catch, errors caught from functions.
try {
    throw 'boom'
} catch {
    "caught: $_"
    "message: $($_.Exception.Message)"
} finally {
    'finally runs'
}
# CHECK: caught: boom
# CHECK: message: boom
# CHECK: finally runs
try { 1 / 0 } catch { "runtime error: $($_.Exception.Message)" }
# CHECK: runtime error: Attempted to divide by zero.
function Fail { throw 'from function' }
try { Fail; 'not reached' } catch { "outer caught: $_" }
# CHECK: outer caught: from function
try {
    Write-Error 'soft' -ErrorAction Stop
} catch {
    "stop made it terminating: $_"
}
# CHECK: stop made it terminating: soft
try { Get-NoSuchCommand } catch { 'command not found is catchable' }
# CHECK: command not found is catchable
try {
    try { throw 'inner' } finally { 'inner finally' }
} catch { "rethrown to outer: $_" }
# CHECK: inner finally
# CHECK: rethrown to outer: inner
$r = try { 'value from try' } catch { 'no' }
$r
# CHECK: value from try
