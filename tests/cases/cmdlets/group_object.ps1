# Group-Object: groups in order of first appearance, printed as Count (5 cells,
# right-aligned), Name (25 cells) and Group; -NoElement; -AsHashTable.
'a', 'b', 'a' | Group-Object
'a', 'b', 'a' | Group-Object -NoElement | Format-Table
$h = 'a', 'b', 'a' | Group-Object -AsHashTable
$h['a'].Count
