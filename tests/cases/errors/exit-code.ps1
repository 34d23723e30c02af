# exit N ends the script with N, after a non-terminating error the script goes on.
Write-Error 'not fatal'
'still running'
exit 3
'never'
# EXIT: 3
# CHECK: Write-Error: {file}:2
# CHECK: Line |
# CHECK:    2 |  Write-Error 'not fatal'
# CHECK:      |  ~~~~~~~~~~~~~~~~~~~~~~~
# CHECK:      | not fatal
# CHECK: still running
