# Growable lists, the intrinsic .Where()/.ForEach() methods, and [void].
$list = [System.Collections.Generic.List[string]]::new()
$list.Add('a')
$list.AddRange(@('b', 'c'))
$list.Remove('b')
$list -join ','
# CHECK: a,c
$al = [System.Collections.ArrayList]::new()
[void]$al.Add(1)
$null = $al.Add(2)
$al.Count
# CHECK: 2
(1..6).Where({ $_ % 2 -eq 0 }) -join ','
# CHECK: 2,4,6
(1..6).Where({ $_ -gt 2 }, 'First', 2) -join ','
# CHECK: 3,4
('a', 'bb').ForEach({ $_.ToUpper() }) -join ','
# CHECK: A,BB
('a', 'bb').ForEach('Length') -join ','
# CHECK: 1,2
[void](1 + 1)
$x = 5
$x.Count
# CHECK: 1
$null.Count
# CHECK: 0
# A list is one object however it is reached: through another variable, inside a
# function, or from itself.
$report = [System.Collections.Generic.List[Object]]::new()
$same = $report
function Add-Line($to, $line) { $to.Add($line) }
Add-Line $report 'one'
$same.Add('two')
$report.Count
# CHECK: 2
$report.Insert(1, 'between')
$report.RemoveAt(0)
$report -join ','
# CHECK: between,two
$report.IndexOf('two')
# CHECK: 1
$self = [System.Collections.ArrayList]::new()
[void]$self.Add('x')
[void]$self.Add($self)
$self.Count
# CHECK: 2
$self.Contains($self)
# CHECK: True
$self.Remove($self)
$self.Count
# CHECK: 1
('a', 'b').ToUpper() -join ','
# CHECK: A,B
