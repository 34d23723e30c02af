# A table wider than the output: the last column cannot shrink below one cell, so it is
# dropped; then the one before shrinks and its text ends in an ellipsis. Format-Table's
# output is laid out by the command that prints it, at that command's width. (pwsh pads
# the dashes of every column but the last, even a dropped last one.)
[pscustomobject]@{Name='abcdefghijklmnopqrstuvwxyz'; N=1} | Format-Table | Out-String -Width 20 -Stream
[pscustomobject]@{Name='abcdefghijklmnopqrstuvwxyz'; N=1} | Format-Table | Out-String -Width 40 -Stream
