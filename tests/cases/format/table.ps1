# Format-Table: header, dashes as long as each label, one space between columns; numbers
# and booleans right-aligned (header and dashes too), strings left; the last column is
# not padded.
[pscustomobject]@{Name='Ken Sanchez'; Count=5; Enabled=$true} | Format-Table
# CHECK:
# CHECK: Name        Count Enabled
# CHECK: ----        ----- -------
# CHECK: Ken Sanchez     5    True
# CHECK:
[pscustomobject]@{Name='Ken Sanchez'; Count=5; Enabled=$true} | Format-Table -HideTableHeaders
# CHECK:
# CHECK: Ken Sanchez     5    True
# CHECK:
[pscustomobject]@{A="one`ntwo"; B=1} | Format-Table
# CHECK:
# CHECK: A       B
# CHECK: -       -
# CHECK: one…    1
# CHECK:
[pscustomobject]@{A="one`ntwo"; B=1} | Format-Table -Wrap
# CHECK:
# CHECK: A       B
# CHECK: -       -
# CHECK: one     1
# CHECK: two
# CHECK:
[pscustomobject]@{Name='Ken'} | Format-Table @{n='Who'; e={$_.Name}; Width=6; Alignment='Right'}
# CHECK:
# CHECK:    Who
# CHECK:    ---
# CHECK:    Ken
# CHECK:
