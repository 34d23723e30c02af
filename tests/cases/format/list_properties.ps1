# Format-List -Property: names take the object's casing, wildcards select in the order
# they match, each property once; calculated properties with n/e, Label/Expression.
$m = [pscustomobject]@{Name='Ken'; ImapEnabled=$true; PopEnabled=$false; ImapForceICalForCalendarRetrievalOption=$false; PopForceICalForCalendarRetrievalOption=$true}
$m | Format-List Imap*
# CHECK:
# CHECK: ImapEnabled                             : True
# CHECK: ImapForceICalForCalendarRetrievalOption : False
# CHECK:
$m | Format-List *ForceIcal*, name, *
# CHECK:
# CHECK: ImapForceICalForCalendarRetrievalOption : False
# CHECK: PopForceICalForCalendarRetrievalOption  : True
# CHECK: Name                                    : Ken
# CHECK: ImapEnabled                             : True
# CHECK: PopEnabled                              : False
# CHECK:
$m | Format-List Name, @{n='Pop'; e={$_.PopEnabled}}, @{Label='Twice'; Expression={$_.Name + $_.Name}}
# CHECK:
# CHECK: Name  : Ken
# CHECK: Pop   : False
# CHECK: Twice : KenKen
# CHECK:
$m | Format-List @{Name='Who'; Expression='Name'}
# CHECK:
# CHECK: Who : Ken
# CHECK:
