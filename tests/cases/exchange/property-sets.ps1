# The REST module's Get-EXO* cmdlets answer with their Minimum property set unless
# -Properties or -PropertySets ask for more (Microsoft's "Property sets in Exchange Online
# PowerShell module cmdlets"): the Minimum set first, then what was asked for.
(Get-EXOMailbox -Identity ken).PSObject.Properties.Name -join ', '
# CHECK: Alias, DisplayName, DistinguishedName, EmailAddresses, ExchangeVersion, ExternalDirectoryObjectId, Guid, Id, Name, OrganizationId, PrimarySmtpAddress, RecipientType, RecipientTypeDetails, UserPrincipalName
$ken = Get-EXOMailbox -Identity ken -Properties ProhibitSendQuota, WhenCreated
$ken.PSObject.Properties.Name.Count
# CHECK: 16
"$($ken.DisplayName) | $($ken.ProhibitSendQuota) | $($ken.WhenCreated -is [datetime])"
# CHECK: Ken Sanchez | 99 GB (106,300,440,576 bytes) | True
# A set adds its properties; ExternalDirectoryObjectId, in every set, is there once.
$quota = Get-EXOMailbox -Identity ken -PropertySets Quota
@($quota.PSObject.Properties.Name | Where-Object { $_ -eq 'ExternalDirectoryObjectId' }).Count
# CHECK: 1
$quota.ProhibitSendReceiveQuota, $quota.IssueWarningQuota
# CHECK: 100 GB (107,374,182,400 bytes)
# CHECK: 98 GB (105,226,698,752 bytes)
# All is the whole mailbox, less what the module leaves out of its objects.
$all = Get-EXOMailbox -Identity ken -PropertySets All
$all.Database -ne $null
# CHECK: True
@($all.PSObject.Properties.Name | Where-Object { $_ -in 'RunspaceId', 'ServerName', 'IsValid', 'ObjectState', 'OriginatingServer' }).Count
# CHECK: 0
$all.PSObject.TypeNames[0]
# CHECK: Microsoft.Exchange.Management.RestApiClient.ExoMailbox
# Get-EXOCasMailbox: the Mapi set, and a property by name.
$cas = Get-EXOCasMailbox -Identity ken -PropertySets Mapi -Properties OwaMailboxPolicy
$cas.MAPIBlockOutlookRpcHttp, $cas.OwaMailboxPolicy, ($null -eq $cas.PopUseProtocolDefaults)
# CHECK: False
# CHECK: OwaMailboxPolicy-Default
# CHECK: True
# Get-EXOMailboxStatistics: the Minimum set and the property asked for.
(Get-EXOMailboxStatistics -Identity ken -Properties LastLogonTime).PSObject.Properties.Name -join ', '
# CHECK: DeletedItemCount, DisplayName, ItemCount, MailboxGuid, TotalDeletedItemSize, TotalItemSize, LastLogonTime
# What is refused: a name that is no set (as PowerShell refuses a value outside an
# enumeration), and properties the object lacks, in the module's words.
try { Get-EXOMailbox -Identity ken -PropertySets Bogus -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
# CHECK: CannotConvertArgumentNoMessage,Get-EXOMailbox
try { Get-EXOCasMailbox -Identity ken -Properties *owa* -ErrorAction Stop } catch { $_.Exception.Message }
# CHECK: Some of requested properties are not valid. InvalidProperties = *owa*
