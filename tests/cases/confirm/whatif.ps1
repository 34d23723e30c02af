# -WhatIf says what each change would be and changes nothing. The object is named as the
# admin knows it, also when it comes down the pipeline (never by its Guid); Remove-Mailbox
# speaks Exchange's own sentence.
Set-CASMailbox "Ken Sanchez" -MAPIEnabled $false -WhatIf
Get-CASMailbox | Select-Object -First 2 | Set-CASMailbox -OWAEnabled $false -WhatIf
Remove-Mailbox "Ken Sanchez" -WhatIf
(Get-CASMailbox "Ken Sanchez").MAPIEnabled
(Get-Mailbox "Ken Sanchez").Name
# CHECK: What if: Performing the operation "Set-CASMailbox" on target "Ken Sanchez".
# CHECK: What if: Performing the operation "Set-CASMailbox" on target "Ken Sanchez".
# CHECK: What if: Performing the operation "Set-CASMailbox" on target "Esther Valle".
# CHECK: What if: Removing mailbox "Ken Sanchez" will remove the Active Directory user object and mark the mailbox and the archive (if present) in the database for removal.
# CHECK: True
# CHECK: Ken Sanchez

# $WhatIfPreference does the same for every command; -WhatIf:$false overrides it.
$WhatIfPreference = $true
Set-CASMailbox "Ken Sanchez" -MAPIEnabled $false
Set-CASMailbox "Ken Sanchez" -PopEnabled $false -WhatIf:$false
$WhatIfPreference = $false
(Get-CASMailbox "Ken Sanchez").MAPIEnabled
(Get-CASMailbox "Ken Sanchez").PopEnabled
# CHECK: What if: Performing the operation "Set-CASMailbox" on target "Ken Sanchez".
# CHECK: True
# CHECK: False

# An advanced function's -WhatIf reaches its ShouldProcess calls (target alone: the
# function's name is the operation; target and action; description, question, caption)
# and the cmdlets it runs.
function Set-Thing {
    [CmdletBinding(SupportsShouldProcess)]
    param([Parameter(ValueFromPipeline)][string]$Name)
    process {
        if ($PSCmdlet.ShouldProcess($Name)) { "set $Name" }
        if ($PSCmdlet.ShouldProcess($Name, 'Rename')) { "renamed $Name" }
        if ($PSCmdlet.ShouldProcess("Archiving $Name", "Archive $Name?", 'Archive')) { "archived $Name" }
        Set-CASMailbox $Name -ImapEnabled $false
    }
}
'Ken Sanchez' | Set-Thing -WhatIf
(Get-CASMailbox "Ken Sanchez").ImapEnabled
'Ken Sanchez' | Set-Thing
(Get-CASMailbox "Ken Sanchez").ImapEnabled
# CHECK: What if: Performing the operation "Set-Thing" on target "Ken Sanchez".
# CHECK: What if: Performing the operation "Rename" on target "Ken Sanchez".
# CHECK: What if: Archiving Ken Sanchez
# CHECK: What if: Performing the operation "Set-CASMailbox" on target "Ken Sanchez".
# CHECK: True
# CHECK: set Ken Sanchez
# CHECK: renamed Ken Sanchez
# CHECK: archived Ken Sanchez
# CHECK: False
