# Mobile devices: the sample organisation's (scripts/sample-contents.tsv), the access each
# is given (the mailbox's lists, then the device access rules, then the organisation's
# default), wipes asked and taken back, and partnerships removed.
Get-MobileDevice -Mailbox ken | Format-Table DeviceType, DeviceId, ClientType, DeviceAccessState, DeviceAccessStateReason
# CHECK:
# CHECK: DeviceType     DeviceId                         ClientType DeviceAccessState DeviceAccessStateReason
# CHECK: ----------     --------                         ---------- ----------------- -----------------------
# CHECK: SAMSUNGSMS918B SEC1A2B3C4D5E6F7                 EAS        Allowed           Global
# CHECK: Outlook        a4c2d9e0b7f64c1e9d3b2a1f0e9d8c7b Outlook    Allowed           Global
# CHECK:
(Get-ActiveSyncDevice -Mailbox ken).DeviceId
# CHECK: SEC1A2B3C4D5E6F7
(Get-MobileDevice -RestApi).UserDisplayName -replace '^.*/', ''
# CHECK: Tony Smith
# CHECK: Ken Sanchez
# CHECK: Elly Nkya
(Get-MobileDevice -Filter "DeviceOS -like 'iOS*'").DeviceModel
# CHECK: Outlook for iOS and Android
# CHECK: iPhone15C2
# CHECK: Outlook for iOS and Android
# A rule blocks Laura Norman's old phone; her own allowed list lets it through again.
New-ActiveSyncDeviceAccessRule -Characteristic DeviceType -QueryString HTCOne -AccessLevel Block | Out-Null
Get-MobileDevice -Mailbox laura | ForEach-Object { "$($_.DeviceAccessState) $($_.DeviceAccessStateReason) $($_.DeviceAccessControlRule)" }
# CHECK: Blocked DeviceRule HTCOne (DeviceType)
Set-CASMailbox -Identity laura -ActiveSyncAllowedDeviceIDs HT4AJWM01234
Get-MobileDevice -Mailbox laura | ForEach-Object { "$($_.DeviceAccessState) $($_.DeviceAccessStateReason)" }
# CHECK: Allowed Individual
Set-CASMailbox -Identity ken -ActiveSyncBlockedDeviceIDs SEC1A2B3C4D5E6F7
Set-ActiveSyncOrganizationSettings -DefaultAccessLevel Quarantine
Get-MobileDevice -Mailbox ken | ForEach-Object { "$($_.DeviceId) $($_.DeviceAccessState) $($_.DeviceAccessStateReason)" }
# CHECK: SEC1A2B3C4D5E6F7 Blocked Individual
# CHECK: a4c2d9e0b7f64c1e9d3b2a1f0e9d8c7b Quarantined Global
# A wipe: asked, shown in the device's statistics, taken back.
$phone = 'Tony Smith\ExchangeActiveSyncDevices\iPhone§ApplF17XK2QJHG7F'
Clear-MobileDevice -Identity $phone -Confirm:$false
Get-MobileDeviceStatistics -Identity $phone | ForEach-Object { "$($_.Status) $($null -ne $_.DeviceWipeRequestTime) $($null -ne $_.LastDeviceWipeRequestor) $($null -eq $_.AccountOnlyDeviceWipeRequestTime)" }
# CHECK: DeviceWipePending True True True
Clear-MobileDevice -Identity $phone -Cancel -Confirm:$false
(Get-MobileDeviceStatistics -Identity $phone).Status
# CHECK: DeviceOk
Clear-MobileDevice -Identity (Get-MobileDevice -Mailbox elly).Guid -AccountOnly -Confirm:$false
Get-EXOMobileDeviceStatistics -Mailbox elly@contoso.com | ForEach-Object { "$($_.Status) $($null -ne $_.AccountOnlyDeviceWipeRequestTime) $($null -eq $_.DeviceWipeRequestTime)" }
# CHECK: DeviceWipePending True True
# Removing a mailbox's last device ends its partnership.
Remove-MobileDevice -Identity 'esther\ExchangeActiveSyncDevices\iPad§ApplDMPQR1XYZ9T' -Confirm:$false
(Get-CASMailbox esther).HasActiveSyncDevicePartnership
# CHECK: False
@(Get-MobileDevice -Mailbox esther).Count
# CHECK: 0
# A removed mailbox's devices are out of sight until it is restored.
Remove-Mailbox -Identity tony -Confirm:$false
(Get-MobileDevice -ResultSize Unlimited).Count
# CHECK: 5
Undo-SoftDeletedMailbox -SoftDeletedObject tony
(Get-MobileDevice -Mailbox tony).Count
# CHECK: 2
Get-MobileDevice -Identity 'ken\ExchangeActiveSyncDevices\iPhone§Nothing'
# CHECK: Get-MobileDevice: {file}:57
# CHECK: Line |
# CHECK:   57 |  Get-MobileDevice -Identity 'ken\ExchangeActiveSyncDevices\iPhone§Noth …
# CHECK:      |  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# CHECK:      | The operation couldn't be performed because object 'ken\ExchangeActiveSyncDevices\iPhone§Nothing' couldn't be found on 'CY4PR01A001DC01.NAMPR01A001.prod.outlook.com'.
