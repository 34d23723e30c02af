# Hashtables: keys are case-insensitive, written order is kept.
$h = @{ Name = 'Ken'; City = 'Oslo' }
$h.Name
# CHECK: Ken
$h['city']
# CHECK: Oslo
$h.NAME
# CHECK: Ken
$h.Count
# CHECK: 2
$h.Add('Age', 30)
$h.ContainsKey('age')
# CHECK: True
$h.Remove('City')
$h.Keys -join ','
# CHECK: Name,Age
$h.Age = 31
$h['Age']
# CHECK: 31
$h.New = 'yes'
$h.New
# CHECK: yes
$h.Values.Count
# CHECK: 3
$null -eq $h.Missing
# CHECK: True
$o = [pscustomobject]@{ Identity = 'jill'; Enabled = $true }
$o.Identity
# CHECK: jill
$o.enabled
# CHECK: True
$o.Enabled = $false
$o.Enabled
# CHECK: False
"$o"
# CHECK: @{Identity=jill; Enabled=False}
$merged = @{ a = 1 } + @{ b = 2 }
$merged.Keys -join ','
# CHECK: a,b
