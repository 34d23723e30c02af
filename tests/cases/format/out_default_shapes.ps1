# The first object decides the table: a later object without its properties is an empty
# row (a right-aligned empty cell, so padded), as pwsh prints it.
[pscustomobject]@{A=1}
[pscustomobject]@{B=2}
