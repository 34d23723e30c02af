# Remove-* is High impact: under the default $ConfirmPreference (High) it must ask, and
# with nobody to ask (this script's input is not a terminal) it fails with pwsh's host
# error and removes nothing. -Confirm:$false goes ahead without asking.
$ConfirmPreference
$before = (Get-Mailbox | Measure-Object).Count
Remove-Mailbox "Ken Sanchez"
(Get-Mailbox | Measure-Object).Count -eq $before
Remove-Mailbox "Ken Sanchez" -Confirm:$false
(Get-Mailbox | Measure-Object).Count -eq $before - 1
# CHECK: High
# CHECK: Remove-Mailbox: {file}:6
# CHECK: Line |
# CHECK:    6 |  Remove-Mailbox "Ken Sanchez"
# CHECK:      |  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# CHECK:      | PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.
# CHECK: True
# CHECK: True

# Set-* is Medium: it asks only with -Confirm, or when $ConfirmPreference is Medium or
# lower; $ConfirmPreference = 'None' never asks, and -Confirm:$false overrides it.
Set-CASMailbox "Esther Valle" -MAPIEnabled $false -Confirm
$ConfirmPreference = 'Medium'
Set-CASMailbox "Esther Valle" -MAPIEnabled $false
(Get-CASMailbox "Esther Valle").MAPIEnabled
Set-CASMailbox "Esther Valle" -MAPIEnabled $false -Confirm:$false
(Get-CASMailbox "Esther Valle").MAPIEnabled
$ConfirmPreference = 'High'
# CHECK: Set-CASMailbox: {file}:21
# CHECK: Line |
# CHECK:   21 |  Set-CASMailbox "Esther Valle" -MAPIEnabled $false -Confirm
# CHECK:      |  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# CHECK:      | PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.
# CHECK: Set-CASMailbox: {file}:23
# CHECK: Line |
# CHECK:   23 |  Set-CASMailbox "Esther Valle" -MAPIEnabled $false
# CHECK:      |  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# CHECK:      | PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.
# CHECK: True
# CHECK: False

# Functions declare theirs: [CmdletBinding(SupportsShouldProcess, ConfirmImpact='High')].
# Their -Confirm and -WhatIf become their own $ConfirmPreference and $WhatIfPreference.
function Remove-Thing {
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
    param([string]$Name)
    if ($PSCmdlet.ShouldProcess($Name)) { "removed $Name" }
}
function Show-Preference {
    [CmdletBinding(SupportsShouldProcess)]
    param()
    "$ConfirmPreference $WhatIfPreference"
}
Remove-Thing -Name a -Confirm:$false
Remove-Thing -Name b
'after'
Show-Preference
Show-Preference -Confirm
Show-Preference -Confirm:$false
Show-Preference -WhatIf
# CHECK: removed a
# CHECK: MethodInvocationException: {file}:46
# CHECK: Line |
# CHECK:   46 |      if ($PSCmdlet.ShouldProcess($Name)) { "removed $Name" }
# CHECK:      |          ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# CHECK:      | Exception calling "ShouldProcess" with "1" argument(s): "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available."
# CHECK: after
# CHECK: High False
# CHECK: Low False
# CHECK: None False
# CHECK: High True
