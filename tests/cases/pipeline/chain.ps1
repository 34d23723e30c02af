# Pipeline chain operators && and || (about_Pipeline_Chain_Operators): the right side
# runs only when the left one succeeded (&&) or failed (||), as $? tells.
Write-Output 'First' && Write-Output 'Second'
# CHECK: First
# CHECK: Second
Write-Error 'Bad' && Write-Output 'Second'
# CHECK: Write-Error: {file}:6
# CHECK: Line |
# CHECK:    6 |  Write-Error 'Bad' && Write-Output 'Second'
# CHECK:      |  ~~~~~~~~~~~~~~~~~
# CHECK:      | Bad
Write-Output 'First' || Write-Output 'Second'
# CHECK: First
Write-Error 'Bad' || Write-Output 'Second'
# CHECK: Write-Error: {file}:14
# CHECK: Line |
# CHECK:   14 |  Write-Error 'Bad' || Write-Output 'Second'
# CHECK:      |  ~~~~~~~~~~~~~~~~~
# CHECK:      | Bad
# CHECK: Second
# Left-associative: a skipped && leaves $? false for the next ||.
Write-Error 'x' -ErrorAction SilentlyContinue && 'skipped' || 'fallback'
# CHECK: fallback
# An assignment takes the output of the whole chain.
$both = Write-Output 'one' && Write-Output 'two'
$both -join ','
# CHECK: one,two
# The chain may continue on the next line after the operator.
Write-Output 'a' &&
    Write-Output 'b'
# CHECK: a
# CHECK: b
