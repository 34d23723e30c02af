# Add-Member: a ScriptProperty runs its getter with $this on every read; -Force replaces
# a member, -PassThru passes the object on.
$o = [pscustomobject]@{ Name = 'Ken'; Size = 2048 }
$o | Add-Member -MemberType ScriptProperty -Name SizeKB -Value { $this.Size / 1024 }
$o.SizeKB
# CHECK: 2
$o.Size = 4096
$o.SizeKB
# CHECK: 4
$o | Format-Table
# CHECK:
# CHECK: Name Size SizeKB
# CHECK: ---- ---- ------
# CHECK: Ken  4096      4
# CHECK:
$o | Select-Object Name, SizeKB | ConvertTo-Json -Compress
# CHECK: {"Name":"Ken","SizeKB":4}
($o | Sort-Object SizeKB).SizeKB
# CHECK: 4
$o | Add-Member -NotePropertyName Dept -NotePropertyValue 'IT' -PassThru | Format-List
# CHECK:
# CHECK: Name   : Ken
# CHECK: Size   : 4096
# CHECK: SizeKB : 4
# CHECK: Dept   : IT
# CHECK:
$o | Add-Member -MemberType NoteProperty -Name Dept -Value 'HR' -Force
$o.Dept
# CHECK: HR
# Objects that pass through Sort-Object and Select-Object -First are the objects
# themselves: their script properties still run.
$first = $o | Sort-Object SizeKB | Select-Object -First 1
$first.Size = 1024
$o.SizeKB
# CHECK: 1
($first | Get-Member -MemberType ScriptProperty).Name
# CHECK: SizeKB
# Script properties of objects inside other objects are read too.
[pscustomobject]@{ Box = $o } | ConvertTo-Json -Compress
# CHECK: {"Box":{"Name":"Ken","Size":1024,"SizeKB":1,"Dept":"HR"}}
