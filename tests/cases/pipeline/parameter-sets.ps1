# Parameter sets, -WhatIf where the command declares it, and splatting switches.
function Get-Item2 {
    [CmdletBinding(DefaultParameterSetName = 'ByName')]
    param(
        [Parameter(ParameterSetName = 'ByName', Position = 0)][string]$Name,
        [Parameter(ParameterSetName = 'ById')][int]$Id
    )
    "set=$($PSCmdlet.ParameterSetName) name=$Name id=$Id"
}
Get-Item2 -Id 5
# CHECK: set=ById name= id=5
Get-Item2 b
# CHECK: set=ByName name=b id=0
Get-Item2 -Name a -Id 5
# CHECK: Get-Item2: {file}:14
# CHECK: Line |
# CHECK:   14 |  Get-Item2 -Name a -Id 5
# CHECK:      |  ~~~~~~~~~~~~~~~~~~~~~~~
# CHECK:      | Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.
function Remove-Box {
    [CmdletBinding(SupportsShouldProcess)]
    param([string]$Name)
    if ($PSCmdlet.ShouldProcess($Name, 'Remove-Box')) { "removed $Name" }
}
Remove-Box -Name x -WhatIf
# CHECK: What if: Performing the operation "Remove-Box" on target "x".
Remove-Box -Name y
# CHECK: removed y
function Plain { [CmdletBinding()] param([string]$Name) $Name }
Plain -Name z -WhatIf
# CHECK: Plain: {file}:30
# CHECK: Line |
# CHECK:   30 |  Plain -Name z -WhatIf
# CHECK:      |                ~~~~~~~
# CHECK:      | A parameter cannot be found that matches parameter name 'WhatIf'.
