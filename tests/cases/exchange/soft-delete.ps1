# Remove-Mailbox keeps the mailbox among the soft-deleted ones, out of ordinary sight,
# until Undo-SoftDeletedMailbox brings it back as it was.
Set-CASMailbox -Identity ken -PopEnabled $false
Remove-Mailbox -Identity ken -Confirm:$false
(Get-Mailbox -ResultSize Unlimited).Count
# CHECK: 31
Get-Mailbox -SoftDeletedMailbox | Format-List Name, IsSoftDeletedByRemove
# CHECK:
# CHECK: Name                  : Ken Sanchez
# CHECK: IsSoftDeletedByRemove : True
# CHECK:
(Get-Recipient -IncludeSoftDeletedRecipients -ResultSize Unlimited).Count
# CHECK: 47
Set-CASMailbox -Identity ken -PopEnabled $true
# CHECK: Set-CASMailbox: {file}:14
# CHECK: Line |
# CHECK:   14 |  Set-CASMailbox -Identity ken -PopEnabled $true
# CHECK:      |  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# CHECK:      | The operation couldn't be performed because object 'ken' couldn't be found on 'CY4PR01A001DC01.NAMPR01A001.prod.outlook.com'.
Undo-SoftDeletedMailbox -SoftDeletedObject ken
Get-CASMailbox -Identity ken | Format-List Name, PopEnabled
# CHECK:
# CHECK: Name       : Ken Sanchez
# CHECK: PopEnabled : False
# CHECK:
