# Inbox rules: the sample organisation's; rules made, moved, renamed, turned off and on and
# removed; the people a rule names shown as Exchange shows them, its folders by their path.
Get-InboxRule -Mailbox ken | Format-Table Name, Enabled, Priority
# CHECK:
# CHECK: Name              Enabled Priority
# CHECK: ----              ------- --------
# CHECK: Fabrikam invoices    True        1
# CHECK: Newsletters         False        2
# CHECK:
Get-InboxRule -Mailbox laura | ForEach-Object { "$($_.Name): $($_.ForwardTo) ($($_.MailboxOwnerId))" }
# CHECK: Forward to personal account: "laura.norman@outlook.com" [SMTP:laura.norman@outlook.com] (Laura Norman)
New-InboxRule -Mailbox ken -Name "Project Falcon" -SubjectContainsWords "Falcon" -From "Tony Smith" -MoveToFolder "Inbox\Customers" -Priority 1 | Format-List Name, Priority, From, SubjectContainsWords, MoveToFolder, MarkAsRead, StopProcessingRules
# CHECK:
# CHECK: Name                 : Project Falcon
# CHECK: Priority             : 1
# CHECK: From                 : {"Tony Smith" [SMTP:tony@contoso.com]}
# CHECK: SubjectContainsWords : {Falcon}
# CHECK: MoveToFolder         : Inbox\Customers
# CHECK: MarkAsRead           : False
# CHECK: StopProcessingRules  : False
# CHECK:
(Get-InboxRule -Mailbox ken).Name
# CHECK: Project Falcon
# CHECK: Fabrikam invoices
# CHECK: Newsletters
# By its identity (mailbox\RuleIdentity), moved first and renamed; turned on again.
$rule = Get-InboxRule -Mailbox ken -Identity Newsletters
$rule.Identity -like 'Ken Sanchez\*'
# CHECK: True
Set-InboxRule -Identity $rule.Identity -Priority 1 -Name "Newsletters (read)"
Enable-InboxRule -Identity "ken\Newsletters (read)"
Get-InboxRule -Mailbox ken | ForEach-Object { "$($_.Priority) $($_.Name) $($_.Enabled)" }
# CHECK: 1 Newsletters (read) True
# CHECK: 2 Project Falcon True
# CHECK: 3 Fabrikam invoices True
Get-InboxRule -Mailbox laura | Disable-InboxRule
(Get-InboxRule -Mailbox laura).Enabled
# CHECK: False
Remove-InboxRule -Identity "ken\Project Falcon" -Confirm:$false
Get-InboxRule -Mailbox ken | ForEach-Object { "$($_.Priority) $($_.Name)" }
# CHECK: 1 Newsletters (read)
# CHECK: 2 Fabrikam invoices
Set-InboxRule -Identity "ken\Fabrikam invoices" -MarkAsRead $false
# CHECK: WARNING: The command completed successfully but no settings of 'Fabrikam invoices' have been modified.
# What Exchange refuses, changing nothing.
try { Get-InboxRule -Identity "ken\No such rule" -ErrorAction Stop } catch { $_.Exception.Message }
# CHECK: The operation couldn't be performed because object 'ken\No such rule' couldn't be found on 'CY4PR01A001DC01.NAMPR01A001.prod.outlook.com'.
try { New-InboxRule -Mailbox ken -Name "Lost" -SubjectContainsWords "x" -MoveToFolder "Inbox\Nowhere" -ErrorAction Stop } catch { $_.Exception.Message }
# CHECK: The operation couldn't be performed because 'Inbox\Nowhere' couldn't be found.
try { New-InboxRule -Mailbox ken -Name "Lost" -ForwardTo "Pilar Ackerman" -ErrorAction Stop } catch { $_.Exception.Message }
# CHECK: Couldn't find object "Pilar Ackerman". Please make sure that it was spelled correctly or specify a different object.
try { New-InboxRule -Mailbox ken -Name "Lost" -SubjectContainsWords "x" -Priority 4 -ErrorAction Stop } catch { $_.Exception.Message }
# CHECK: The priority '4' isn't valid: the rules of this mailbox run from 1 to 3.
try { New-InboxRule -Name "Lost" -SubjectContainsWords "x" -ErrorAction Stop } catch { $_.Exception.Message }
# CHECK: New-InboxRule needs -Mailbox (or an identity such as 'ken\Rule name'): the local organisation's administrator has no mailbox of their own.
(Get-InboxRule -Mailbox ken).Count
# CHECK: 2
