# Common parameters: -ErrorAction, -ErrorVariable, -WarningAction, -WarningVariable,
# -OutVariable, -Verbose.
Write-Error 'quiet' -ErrorAction SilentlyContinue
'after silent error'
# CHECK: after silent error
Write-Error 'kept' -ErrorAction SilentlyContinue -ErrorVariable ev
$ev.Count
# CHECK: 1
"$($ev[0])"
# CHECK: kept
Write-Warning 'shown'
# CHECK: WARNING: shown
Write-Warning 'hidden' -WarningAction SilentlyContinue
Write-Warning 'captured' -WarningVariable wv -WarningAction SilentlyContinue
$wv
# CHECK: captured
Write-Output 'both' -OutVariable ov
# CHECK: both
$ov
# CHECK: both
Write-Verbose 'not shown'
Write-Verbose 'shown' -Verbose
# CHECK: VERBOSE: shown
function Test-Advanced {
    [CmdletBinding()]
    param()
    Write-Verbose 'from advanced function'
    'done'
}
Test-Advanced -Verbose
# CHECK: VERBOSE: from advanced function
# CHECK: done
$ErrorActionPreference = 'Stop'
try { Write-Error 'now terminating' } catch { "caught: $_" }
# CHECK: caught: now terminating
