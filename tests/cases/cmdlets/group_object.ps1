# Group-Object: groups sorted by key (all keys of one type), printed as Count (5 cells,
# right-aligned), Name (25 cells) and Group; -NoElement; -AsHashTable.
'b', 'a', 'b' | Group-Object
'b', 'a', 'b' | Group-Object -NoElement | Format-Table
$h = 'b', 'a', 'b' | Group-Object -AsHashTable
$h['b'].Count
