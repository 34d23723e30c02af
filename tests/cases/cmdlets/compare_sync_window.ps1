# Compare-Object -SyncWindow: an unmatched object waits for a match among at most that many others;
# pushed out of the window, it is reported unmatched.
$r = Compare-Object -ReferenceObject (1..15) -DifferenceObject (15..1) -SyncWindow 6
($r | ForEach-Object { "$($_.InputObject)$($_.SideIndicator)" }) -join ' '
# CHECK: 15=> 1<= 1=> 15<=
