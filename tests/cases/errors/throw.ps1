# An unhandled throw ends the script with exit code 1 and pwsh's Exception view.
'before'
throw "Something failed"
'never printed'
# EXIT: 1
# CHECK: before
# CHECK: Exception: {file}:3
# CHECK: Line |
# CHECK:    3 |  throw "Something failed"
# CHECK:      |  ~~~~~~~~~~~~~~~~~~~~~~~~
# CHECK:      | Something failed
