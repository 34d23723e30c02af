# Objects made from hash literals, as report scripts make a line per mailbox; their
# properties are found whatever the case, however many there are.
$line = [pscustomobject][ordered]@{ Name = 'Ken Sanchez'; Mail = 'ken@contoso.com'; Quota = 99 }
$line.NAME
# CHECK: Ken Sanchez
$line | ConvertTo-Csv -NoTypeInformation
# CHECK: "Name","Mail","Quota"
# CHECK: "Ken Sanchez","ken@contoso.com","99"
$typed = [pscustomobject]@{ PSTypeName = 'Contoso.ReportLine'; Name = 'Ken' }
$typed.PSObject.TypeNames[0]
# CHECK: Contoso.ReportLine
$typed.psobject.Properties.Name -join ','
# CHECK: Name
$big = [pscustomobject]@{ p1 = 1; p2 = 2; p3 = 3; p4 = 4; p5 = 5; p6 = 6; p7 = 7; p8 = 8; p9 = 9; p10 = 10 }
$big.P10
# CHECK: 10
$big | Add-Member -NotePropertyName P11 -NotePropertyValue 11
$big.p11
# CHECK: 11
$big.P1 = 'one'
$big.p1
# CHECK: one
$big.psobject.Properties.Name -join ','
# CHECK: p1,p2,p3,p4,p5,p6,p7,p8,p9,p10,P11
$big | Select-Object -ExcludeProperty p2, P3 | ConvertTo-Csv -NoTypeInformation
# CHECK: "p1","p4","p5","p6","p7","p8","p9","p10","P11"
# CHECK: "one","4","5","6","7","8","9","10","11"
