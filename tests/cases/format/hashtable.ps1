# A hashtable prints as Name/Value rows; the Name column is 30 cells wide.
@{a=1; bb='two'}
