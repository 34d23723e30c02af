# Running another script: its exit code lands in $LASTEXITCODE and this script goes on.
& "$PSScriptRoot/exit-seven.ps1"
"exit code: $LASTEXITCODE"
'still here'
# CHECK: seven
# CHECK: exit code: 7
# CHECK: still here
