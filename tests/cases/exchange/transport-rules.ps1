# Transport rules: the sample organisation's, listed in the order they run; a new rule goes
# last or where -Priority puts it and the others move; rules turned off and on, moved and
# removed; the senders and recipients a rule names kept as their addresses.
Get-TransportRule
# CHECK:
# CHECK: Name                         State    Mode    Priority Comments
# CHECK: ----                         -----    ----    -------- --------
# CHECK: External senders warning     Enabled  Enforce 0        Marks mail from outside the organisation
# CHECK: Block executable attachments Enabled  Enforce 1        
# CHECK: Outbound disclaimer          Disabled Enforce 2        
# CHECK:
New-TransportRule "Project Falcon" -SubjectContainsWords "Falcon","Project F" -BlindCopyTo ken -ExceptIfFrom "Tony Smith","partner@fabrikam.com" -Priority 1 | Format-List Name, Priority, State, SubjectContainsWords, BlindCopyTo, ExceptIfFrom
# CHECK:
# CHECK: Name                 : Project Falcon
# CHECK: Priority             : 1
# CHECK: State                : Enabled
# CHECK: SubjectContainsWords : {Falcon, Project F}
# CHECK: BlindCopyTo          : {ken@contoso.com}
# CHECK: ExceptIfFrom         : {tony@contoso.com, partner@fabrikam.com}
# CHECK:
Get-TransportRule | ForEach-Object { "$($_.Priority) $($_.Name)" }
# CHECK: 0 External senders warning
# CHECK: 1 Project Falcon
# CHECK: 2 Block executable attachments
# CHECK: 3 Outbound disclaimer
# Moved first, the others move down one.
Set-TransportRule "Outbound disclaimer" -Priority 0
(Get-TransportRule).Name
# CHECK: Outbound disclaimer
# CHECK: External senders warning
# CHECK: Project Falcon
# CHECK: Block executable attachments
# A rejection given only its text gets the status code 5.7.1.
(Get-TransportRule "Block executable attachments").RejectMessageEnhancedStatusCode
# CHECK: 5.7.1
Enable-TransportRule "Outbound disclaimer" -Mode Audit
Disable-TransportRule "External senders warning"
Get-TransportRule | Format-Table Name, State, Mode
# CHECK:
# CHECK: Name                         State    Mode
# CHECK: ----                         -----    ----
# CHECK: Outbound disclaimer          Enabled  Audit
# CHECK: External senders warning     Disabled Enforce
# CHECK: Project Falcon               Enabled  Enforce
# CHECK: Block executable attachments Enabled  Enforce
# CHECK:
(Get-TransportRule -State Disabled).Name
# CHECK: External senders warning
Set-TransportRule "Project Falcon" -Name "Project Falcon (all staff)" -Comments "Copies Falcon mail to Ken"
Remove-TransportRule "Outbound disclaimer" -Confirm:$false
Get-TransportRule | ForEach-Object { "$($_.Priority) $($_.Name) | $($_.Comments)" }
# CHECK: 0 External senders warning | Marks mail from outside the organisation
# CHECK: 1 Project Falcon (all staff) | Copies Falcon mail to Ken
# CHECK: 2 Block executable attachments | 
New-TransportRule "Not kept" -SentTo ken -WhatIf
# CHECK: What if: Performing the operation "New-TransportRule" on target "Not kept".
@(Get-TransportRule "Not kept*").Count
# CHECK: 0
# What Exchange refuses: a name taken, a place outside 0 to the number of rules, a
# recipient nobody is, a rule that doesn't exist, a mode it doesn't know.
try { New-TransportRule "Project Falcon (all staff)" -ErrorAction Stop } catch { $_.Exception.Message }
# CHECK: The object 'Project Falcon (all staff)' already exists.
try { New-TransportRule "Too far" -SentTo ken -Priority 4 -ErrorAction Stop } catch { $_.Exception.Message }
# CHECK: The specified rule priority is invalid. Use a value between '0' (highest priority), and '3' (lowest priority).
try { Set-TransportRule "Project Falcon (all staff)" -Priority 3 -ErrorAction Stop } catch { $_.Exception.Message }
# CHECK: The specified rule priority is invalid. Use a value between '0' (highest priority), and '2' (lowest priority).
try { New-TransportRule "Nobody" -From "Pilar Ackerman" -ErrorAction Stop } catch { $_.Exception.Message }
# CHECK: Couldn't find object "Pilar Ackerman". Please make sure that it was spelled correctly or specify a different object.
try { Enable-TransportRule "No such rule" -ErrorAction Stop } catch { $_.Exception.Message }
# CHECK: The operation couldn't be performed because object 'No such rule' couldn't be found on 'CY4PR01A001DC01.NAMPR01A001.prod.outlook.com'.
try { Set-TransportRule "Project Falcon (all staff)" -Mode Test -ErrorAction Stop } catch { $_.Exception.Message }
# CHECK: Cannot bind parameter 'Mode'. Cannot convert value "Test" to type "RuleMode". Error: "Unable to match the identifier name Test to a valid enumerator name. Specify one of the following enumerator names and try again:
# CHECK: Audit, AuditAndNotify, Enforce"
(Get-TransportRule).Count
# CHECK: 3
