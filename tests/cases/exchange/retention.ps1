# Retention policies and tags: the Default MRM Policy every organisation has and the tags
# it links; tags and policies made, linked, renamed and removed; a mailbox given a policy,
# which must exist.
(Get-RetentionPolicy).RetentionPolicyTagLinks
# CHECK: Default 2 year move to archive
# CHECK: Recoverable Items 14 days move to archive
# CHECK: Personal 1 year move to archive
# CHECK: Personal 5 year move to archive
# CHECK: Personal never move to archive
# CHECK: 1 Week Delete
# CHECK: 1 Month Delete
# CHECK: 6 Month Delete
# CHECK: 1 Year Delete
# CHECK: 5 Year Delete
# CHECK: Never Delete
Get-RetentionPolicyTag -Types All, RecoverableItems
# CHECK:
# CHECK: Name                                      Type             Description
# CHECK: ----                                      ----             -----------
# CHECK: Default 2 year move to archive            All              Managed Content Settings
# CHECK: Recoverable Items 14 days move to archive RecoverableItems Managed Content Settings
(Get-Mailbox ken).RetentionPolicy
# CHECK: Default MRM Policy
# CHECK:
New-RetentionPolicyTag "Finance-Default" -Type All -RetentionEnabled $true -AgeLimitForRetention 365 -RetentionAction PermanentlyDelete | Format-List Name, Type, RetentionEnabled, AgeLimitForRetention, RetentionAction, MessageClass
# CHECK:
# CHECK: Name                 : Finance-Default
# CHECK: Type                 : All
# CHECK: RetentionEnabled     : True
# CHECK: AgeLimitForRetention : 365.00:00:00
# CHECK: RetentionAction      : PermanentlyDelete
# CHECK: MessageClass         : *
# CHECK:
New-RetentionPolicyTag "Business Critical" -Comment "Kept seven years" -RetentionEnabled $true -AgeLimitForRetention 2556 -RetentionAction PermanentlyDelete | ForEach-Object { "$($_.Type) $($_.Comment) $($_.RetentionId -eq $_.Guid)" }
# CHECK: Personal Kept seven years True
New-RetentionPolicy "Finance" -RetentionPolicyTagLinks "finance-default", "business critical" | Format-List Name, RetentionPolicyTagLinks, IsDefault
# CHECK:
# CHECK: Name                    : Finance
# CHECK: RetentionPolicyTagLinks : {Finance-Default, Business Critical}
# CHECK: IsDefault               : False
# CHECK:
Set-RetentionPolicy Finance -RetentionPolicyTagLinks @{Add = "1 Week Delete"}
Set-Mailbox ken -RetentionPolicy finance
(Get-Mailbox ken).RetentionPolicy
# CHECK: Finance
# Renamed, a tag keeps its place in the policies and a policy its mailboxes.
Set-RetentionPolicyTag "Business Critical" -Name "Business Critical (7 years)"
Set-RetentionPolicy Finance -Name "Finance Department"
(Get-RetentionPolicy "Finance Department").RetentionPolicyTagLinks
# CHECK: Finance-Default
# CHECK: Business Critical (7 years)
# CHECK: 1 Week Delete
(Get-Mailbox ken).RetentionPolicy
# CHECK: Finance Department
# A tag removed leaves every policy that links it.
Remove-RetentionPolicyTag "1 Week Delete" -Confirm:$false
(Get-RetentionPolicy "Finance Department").RetentionPolicyTagLinks.Count
# CHECK: 2
(Get-RetentionPolicy "Default MRM Policy").RetentionPolicyTagLinks -contains "1 Week Delete"
# CHECK: False
# What Exchange refuses, changing nothing.
try { Set-Mailbox ken -RetentionPolicy "Contoso Retention Policy" -ErrorAction Stop } catch { $_.Exception.Message }
# CHECK: Couldn't find object "Contoso Retention Policy". Please make sure that it was spelled correctly or specify a different object.
(Get-Mailbox ken).RetentionPolicy
# CHECK: Finance Department
try { New-RetentionPolicy "Legal" -RetentionPolicyTagLinks "Legal Hold" -ErrorAction Stop } catch { $_.Exception.Message }
# CHECK: Couldn't find object "Legal Hold". Please make sure that it was spelled correctly or specify a different object.
try { New-RetentionPolicyTag "No age" -RetentionEnabled $true -RetentionAction PermanentlyDelete -ErrorAction Stop } catch { $_.Exception.Message }
# CHECK: A retention tag that is enabled (RetentionEnabled) needs AgeLimitForRetention.
try { Set-RetentionPolicyTag "Recoverable Items 14 days move to archive" -RetentionAction PermanentlyDelete -ErrorAction Stop } catch { $_.Exception.Message }
# CHECK: A retention tag of type RecoverableItems can only move items to the archive (MoveToArchive), not PermanentlyDelete.
try { Set-RetentionPolicyTag "Finance-Default" -AgeLimitForRetention "a year" -ErrorAction Stop } catch { $_.Exception.Message }
# CHECK: Cannot process argument transformation on parameter 'AgeLimitForRetention'. Cannot convert value "a year" to type "Microsoft.Exchange.Data.EnhancedTimeSpan".
try { Remove-RetentionPolicy "Default MRM Policy" -Confirm:$false -ErrorAction Stop } catch { $_.Exception.Message }
# CHECK: The default policy 'Default MRM Policy' can't be removed. Make another policy the default first.
try { Get-RetentionPolicyTag -Mailbox ken -ErrorAction Stop } catch { $_.Exception.Message }
# CHECK: The parameter 'Mailbox' of Get-RetentionPolicyTag isn't available in the local organisation. Connect to Exchange Online (Connect-ExchangeOnline) to use it.
@(Get-RetentionPolicyTag).Count
# CHECK: 12
# A new mailbox is given the policy its mailbox plan names.
New-Mailbox -Name "Pilar Ackerman" -Alias pilar | Out-Null
(Get-Mailbox pilar).RetentionPolicy
# CHECK: Default MRM Policy
