# Redirecting streams 2 to 6 (about_Redirection): N>$null drops a stream, N>&1 merges
# it into the output; a redirection on a function applies to the commands inside it.
function Show-Streams {
    [CmdletBinding()]
    param()
    Write-Warning 'careful'
    Write-Verbose 'details' -Verbose
    Write-Host 'hosted'
    Write-Error 'failed'
    'result'
}
Show-Streams 2>$null 3>$null 4>$null 6>$null
# CHECK: result
Show-Streams *>$null
'nothing shown'
# CHECK: nothing shown
$all = Show-Streams *>&1
$all.Count
# CHECK: 5
$w = Show-Streams 3>&1 2>$null 4>$null 6>$null
$w -join ','
# CHECK: careful,result
$e = Show-Streams 2>&1 3>$null 4>$null 6>$null
$e.Count
# CHECK: 2
