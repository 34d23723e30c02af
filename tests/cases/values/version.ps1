# [version] (System.Version): parts compared as numbers, missing parts are -1.
$v = [version]'1.2.3'
"$v"
# CHECK: 1.2.3
$v.Major, $v.Minor, $v.Build, $v.Revision -join ','
# CHECK: 1,2,3,-1
[version]'1.10' -gt [version]'1.2'
# CHECK: True
'1.10' -gt '1.2'
# CHECK: False
[version]'2.0' -eq '2.0'
# CHECK: True
[version]'10.0.1' -lt '9.9'
# CHECK: False
