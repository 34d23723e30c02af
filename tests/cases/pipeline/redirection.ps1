# Redirection of output and errors.
Write-Output 'gone' > $null
Write-Error 'hidden error' 2>$null
'visible'
# CHECK: visible
$merged = Write-Error 'as output' 2>&1
$merged.GetType().Name
# CHECK: ErrorRecord
Write-Output 'kept' | Out-Null
'end'
# CHECK: end
