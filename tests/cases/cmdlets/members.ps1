# New-Object PSObject -Property, Add-Member, Get-Member.
$o = New-Object PSObject -Property @{Name='Ken'; Age=40}
$o | Add-Member -NotePropertyName Dept -NotePropertyValue 'IT'
$o | Add-Member NoteProperty Site 'Oslo'
$o | Format-Table
# CHECK:
# CHECK: Name Age Dept Site
# CHECK: ---- --- ---- ----
# CHECK: Ken   40 IT   Oslo
# CHECK:
$o | Get-Member -MemberType NoteProperty
# CHECK:
# CHECK:    TypeName: System.Management.Automation.PSCustomObject
# CHECK:
# CHECK: Name MemberType   Definition
# CHECK: ---- ----------   ----------
# CHECK: Age  NoteProperty int Age=40
# CHECK: Dept NoteProperty string Dept=IT
# CHECK: Name NoteProperty string Name=Ken
# CHECK: Site NoteProperty string Site=Oslo
# CHECK:
