# trap statements (about_Trap): a trap handles the terminating errors of the statements
# of its block; `continue` drops the error, `break` keeps it terminating, and without
# either the error is shown and the next statement runs.
function continue_example {
    trap {
        "Error trapped"
        continue
    }
    1/$null
    "Function completed."
}
continue_example
# CHECK: Error trapped
# CHECK: Function completed.
function default_example {
    trap { "Error found: $_" }
    1/$null
    "Function completed."
}
default_example
# CHECK: Error found: Attempted to divide by zero.
# CHECK: RuntimeException: {file}:17
# CHECK: Line |
# CHECK:   17 |      1/$null
# CHECK:      |      ~~~~~~~
# CHECK:      | Attempted to divide by zero.
# CHECK: Function completed.
function break_example {
    trap {
        "Error trapped"
        break
    }
    1/$null
    "Function completed."
}
break_example
'Script goes on.'
# CHECK: Error trapped
# CHECK: RuntimeException: {file}:33
# CHECK: Line |
# CHECK:   33 |      1/$null
# CHECK:      |      ~~~~~~~
# CHECK:      | Attempted to divide by zero.
# CHECK: Script goes on.
# A typed trap handles only its errors; the trap may come after the statements.
function typed_example {
    nonsenseString
    throw 'other'
    trap [System.Management.Automation.CommandNotFoundException] { 'Command error trapped'; continue }
    trap { "Other error: $_"; continue }
}
typed_example
# CHECK: Command error trapped
# CHECK: Other error: other
