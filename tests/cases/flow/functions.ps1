# Functions: param() binding, defaults, [switch], [Parameter(Mandatory)], return, $args.
function Add-Two($a, $b = 2) { $a + $b }
Add-Two 1
# CHECK: 3
Add-Two 1 10
# CHECK: 11
Add-Two -b 5 -a 1
# CHECK: 6
function Get-Flag {
    param([switch]$Force, [string]$Name = 'default')
    "Force=$Force Name=$Name"
}
Get-Flag
# CHECK: Force=False Name=default
Get-Flag -Force -Name x
# CHECK: Force=True Name=x
Get-Flag -Force:$false
# CHECK: Force=False Name=default
Get-Flag -N prefix
# CHECK: Force=False Name=prefix
function Early { 'before'; return 'returned'; 'after' }
Early
# CHECK: before
# CHECK: returned
function Show-Args { "count $($args.Count): $args" }
Show-Args a b c
# CHECK: count 3: a b c
function Typed([int]$n) { $n.GetType().Name }
Typed '42'
# CHECK: Int32
function Set-Thing {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)][string]$Identity,
        [bool]$Enabled
    )
    "$Identity enabled=$Enabled"
}
Set-Thing -Identity ken -Enabled $true
# CHECK: ken enabled=True
Set-Thing jill -Enabled 0
# CHECK: jill enabled=False
$splat = @{ Identity = 'splatted'; Enabled = $true }
Set-Thing @splat
# CHECK: splatted enabled=True
function Recurse($n) { if ($n -le 0) { 0 } else { $n + (Recurse ($n - 1)) } }
Recurse 10
# CHECK: 55
$sb = { param($x) $x * 2 }
& $sb 21
# CHECK: 42
$sb.Invoke(5)
# CHECK: 10
. { $dotted = 'visible after dot-sourcing' }
$dotted
# CHECK: visible after dot-sourcing
