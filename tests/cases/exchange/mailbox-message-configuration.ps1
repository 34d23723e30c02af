# A mailbox's own Outlook on the web settings: Exchange's documented defaults until its
# owner or an admin changes one; each mailbox its own.
Get-MailboxMessageConfiguration ken | Format-List AfterMoveOrDeleteBehavior, CheckForForgottenAttachments, ConversationSortOrder, DefaultFontName, DefaultFontSize, DefaultFormat, HideDeletedItems, NewItemNotification, PreviewMarkAsReadDelaytime, ReadReceiptResponse, SignatureText, Identity
# CHECK:
# CHECK: AfterMoveOrDeleteBehavior    : OpenNextItem
# CHECK: CheckForForgottenAttachments : True
# CHECK: ConversationSortOrder        : ChronologicalNewestOnTop
# CHECK: DefaultFontName              : Calibri
# CHECK: DefaultFontSize              : 3
# CHECK: DefaultFormat                : Html
# CHECK: HideDeletedItems             : False
# CHECK: NewItemNotification          : All
# CHECK: PreviewMarkAsReadDelaytime   : 5
# CHECK: ReadReceiptResponse          : DoNotAutomaticallySend
# CHECK: SignatureText                : 
# CHECK: Identity                     : Ken Sanchez
# CHECK:
Set-MailboxMessageConfiguration ken -HideDeletedItems $true -SignatureText "Ken Sanchez, Sales" -AutoAddSignature $true -DefaultFontSize 4
Get-MailboxMessageConfiguration ken | ForEach-Object { "$($_.HideDeletedItems) | $($_.SignatureText) | $($_.AutoAddSignature) | $($_.DefaultFontSize)" }
# CHECK: True | Ken Sanchez, Sales | True | 4
(Get-MailboxMessageConfiguration christa).HideDeletedItems
# CHECK: False
Set-MailboxMessageConfiguration ken -HideDeletedItems $true
# CHECK: WARNING: The command completed successfully but no settings of 'Ken Sanchez' have been modified.
Get-Mailbox -RecipientTypeDetails SharedMailbox | Get-MailboxMessageConfiguration | ForEach-Object { "$($_.Identity): $($_.DefaultFontName)" }
# CHECK: Sales Team: Calibri
# CHECK: Marketing Department: Calibri
# Back to the default, and what Exchange refuses.
Set-MailboxMessageConfiguration ken -HideDeletedItems $false -SignatureText $null
(Get-MailboxMessageConfiguration ken).HideDeletedItems
# CHECK: False
try { Set-MailboxMessageConfiguration ken -DefaultFormat Rtf -ErrorAction Stop } catch { $_.Exception.Message }
# CHECK: Cannot bind parameter 'DefaultFormat'. Cannot convert value "Rtf" to type "MailFormat". Error: "Unable to match the identifier name Rtf to a valid enumerator name. Specify one of the following enumerator names and try again:
# CHECK: Html, PlainText"
try { Get-MailboxMessageConfiguration nobody -ErrorAction Stop } catch { $_.Exception.Message }
# CHECK: The operation couldn't be performed because object 'nobody' couldn't be found on 'CY4PR01A001DC01.NAMPR01A001.prod.outlook.com'.
try { Set-MailboxMessageConfiguration ken -DeleteSignatureName "Old" -ErrorAction Stop } catch { $_.Exception.Message }
# CHECK: The parameter 'DeleteSignatureName' of Set-MailboxMessageConfiguration isn't available in the local organisation. Connect to Exchange Online (Connect-ExchangeOnline) to use it.
(Get-MailboxMessageConfiguration ken).DefaultFontSize
# CHECK: 4
