# Write-Error inside a function is shown as the function's, at the line that called it.
function Test-Thing {
    Write-Error 'inside'
}
Test-Thing
# CHECK: Test-Thing: {file}:5
# CHECK: Line |
# CHECK:    5 |  Test-Thing
# CHECK:      |  ~~~~~~~~~~
# CHECK:      | inside
