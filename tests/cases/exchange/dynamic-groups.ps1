# Dynamic distribution groups: members found by the group's filter whenever they are
# asked for, the filter kept as Exchange writes it (with its exclusion of system
# mailboxes), and the same filter previewed with Get-Recipient, as admin scripts do.
Get-DynamicDistributionGroup | Format-Table
# CHECK:
# CHECK: Name               ManagedBy
# CHECK: ----               ---------
# CHECK: All Managers       {}
# CHECK: Finance Department {}
# CHECK:
Get-DynamicDistributionGroupMember -Identity "All Managers" | Format-Table Name, Title
# CHECK:
# CHECK: Name            Title
# CHECK: ----            -----
# CHECK: Ken Sanchez     Sales Manager
# CHECK: Esther Valle    Marketing Manager
# CHECK: Jeff Hay        Engineering Manager
# CHECK: Jane Clayton    Finance Manager
# CHECK: Florence Flipo  Marketing Manager
# CHECK: Valeria Barrios Program Manager
# CHECK:
$ddg = Get-DynamicDistributionGroup "Finance Department"
$ddg.RecipientFilterType
# CHECK: Precanned
$ddg.RecipientFilter
# CHECK: ((RecipientType -eq 'UserMailbox') -and (Department -eq 'Finance') -and (-not(Name -like 'SystemMailbox{*')) -and (-not(Name -like 'CAS_{*')) -and (-not(RecipientTypeDetailsValue -eq 'MailboxPlan')) -and (-not(RecipientTypeDetailsValue -eq 'DiscoveryMailbox')) -and (-not(RecipientTypeDetailsValue -eq 'PublicFolderMailbox')) -and (-not(RecipientTypeDetailsValue -eq 'ArbitrationMailbox')) -and (-not(RecipientTypeDetailsValue -eq 'AuditLogMailbox')) -and (-not(RecipientTypeDetailsValue -eq 'AuxAuditLogMailbox')) -and (-not(RecipientTypeDetailsValue -eq 'SupervisoryReviewPolicyMailbox')))
Get-Recipient -RecipientPreviewFilter $ddg.RecipientFilter -ResultSize Unlimited | ForEach-Object Name
# CHECK: Elly Nkya
# CHECK: Adam Barr
# CHECK: Jane Clayton
# CHECK: Laura Norman
# CHECK: Asraf Islam
# CHECK: Sirirat Kitjakarn
# A filter of one's own, given as a script block, is kept in Exchange's form.
New-DynamicDistributionGroup -Name "Seattle Sales" -RecipientFilter {City -eq "Seattle" -and Department -eq 'Sales'} | Format-List Name, RecipientFilterType, RecipientType, RecipientTypeDetails, PrimarySmtpAddress
# CHECK:
# CHECK: Name                 : Seattle Sales
# CHECK: RecipientFilterType  : Custom
# CHECK: RecipientType        : DynamicDistributionGroup
# CHECK: RecipientTypeDetails : DynamicDistributionGroup
# CHECK: PrimarySmtpAddress   : SeattleSales@contoso.com
# CHECK:
$filter = (Get-DynamicDistributionGroup "Seattle Sales").RecipientFilter
$filter.Substring(0, $filter.IndexOf(" -and (-not"))
# CHECK: (((City -eq 'Seattle') -and (Department -eq 'Sales'))
(Get-DynamicDistributionGroupMember "Seattle Sales").Name
# CHECK: Ken Sanchez
# Membership follows the recipients: a new manager joins, a removed one leaves.
Set-User -Identity rand -Title "Engineering Manager"
Remove-Mailbox -Identity ken -Confirm:$false
(Get-DynamicDistributionGroupMember "All Managers").Count
# CHECK: 6
(Get-DynamicDistributionGroupMember "Seattle Sales").Count
# CHECK: 0
# The precanned form: the recipients to include, narrowed by department lists.
New-DynamicDistributionGroup -Name "Sales and Marketing" -IncludedRecipients "MailboxUsers, MailGroups" -ConditionalDepartment Sales, Marketing | Out-Null
Set-User -Identity "Sales Team" -Department Sales
Get-DynamicDistributionGroupMember "Sales and Marketing" | Where-Object RecipientType -ne UserMailbox | ForEach-Object Name
(Get-DynamicDistributionGroupMember "Sales and Marketing").Count
# CHECK: 15
Set-DynamicDistributionGroup "Sales and Marketing" -ConditionalDepartment @{Remove = "Marketing"}
Get-DynamicDistributionGroup "Sales and Marketing" | Format-List IncludedRecipients, ConditionalDepartment
# CHECK:
# CHECK: IncludedRecipients    : MailboxUsers, MailGroups
# CHECK: ConditionalDepartment : {Sales}
# CHECK:
(Get-DynamicDistributionGroupMember "Sales and Marketing").Count
# CHECK: 9
Set-DynamicDistributionGroup "Sales and Marketing" -RecipientFilter "Department -eq 'Sales'" -ConditionalCompany Contoso
# CHECK: Set-DynamicDistributionGroup: {file}:69
# CHECK: Line |
# CHECK:   69 |  Set-DynamicDistributionGroup "Sales and Marketing" -RecipientFilter " …
# CHECK:      |  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# CHECK:      | The RecipientFilter parameter can't be used with IncludedRecipients or the Conditional parameters: give a filter of your own, or the recipients to include and their conditions.
Set-DynamicDistributionGroup "Sales and Marketing" -RecipientFilter "Salary -gt 100"
# CHECK: Set-DynamicDistributionGroup: {file}:75
# CHECK: Line |
# CHECK:   75 |  Set-DynamicDistributionGroup "Sales and Marketing" -RecipientFilter " …
# CHECK:      |  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# CHECK:      | Cannot bind parameter 'RecipientFilter' to the target. Exception setting "RecipientFilter": "'Salary' is not a recognized filterable property. For a description of the filterable properties see the command help. "Salary -gt 100" at position 1."
# A dynamic group is a recipient, but not a distribution group.
Get-Recipient -RecipientType DynamicDistributionGroup | Format-Table
# CHECK:
# CHECK: Name                RecipientType
# CHECK: ----                -------------
# CHECK: All Managers        DynamicDistributionGroup
# CHECK: Finance Department  DynamicDistributionGroup
# CHECK: Seattle Sales       DynamicDistributionGroup
# CHECK: Sales and Marketing DynamicDistributionGroup
# CHECK:
Get-DistributionGroup -Identity "All Managers"
# CHECK: Get-DistributionGroup: {file}:91
# CHECK: Line |
# CHECK:   91 |  Get-DistributionGroup -Identity "All Managers"
# CHECK:      |  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# CHECK:      | The operation couldn't be performed because object 'All Managers' couldn't be found on 'CY4PR01A001DC01.NAMPR01A001.prod.outlook.com'.
Remove-DynamicDistributionGroup -Identity "Seattle Sales" -Confirm:$false
(Get-DynamicDistributionGroup).Count
# CHECK: 3
