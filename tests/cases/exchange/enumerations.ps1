# A value outside an Exchange enumeration is a binding error, with the valid names,
# before anything is sent (nothing changes).
Set-CASMailbox -Identity ken -EwsApplicationAccessPolicy Bogus
# CHECK: Set-CASMailbox: {file}:3
# CHECK: Line |
# CHECK:    3 |  Set-CASMailbox -Identity ken -EwsApplicationAccessPolicy Bogus
# CHECK:      |                                                           ~~~~~
# CHECK:      | Cannot bind parameter 'EwsApplicationAccessPolicy'. Cannot convert value "Bogus" to type "EwsApplicationAccessPolicy". Error: "Unable to match the identifier name Bogus to a valid enumerator name. Specify one of the following enumerator names and try again: EnforceAllowList, EnforceBlockList"
Set-OwaMailboxPolicy -Identity OwaMailboxPolicy-Default -ConditionalAccessPolicy ReadWrite
# CHECK: Set-OwaMailboxPolicy: {file}:9
# CHECK: Line |
# CHECK:    9 |  … -Identity OwaMailboxPolicy-Default -ConditionalAccessPolicy ReadWrite
# CHECK:      |                                                                ~~~~~~~~~
# CHECK:      | Cannot bind parameter 'ConditionalAccessPolicy'. Cannot convert value "ReadWrite" to type "PolicyEnum". Error: "Unable to match the identifier name ReadWrite to a valid enumerator name. Specify one of the following enumerator names and try again: Off, ReadOnly, ReadOnlyPlusAttachmentsBlocked"
(Get-OwaMailboxPolicy -Identity OwaMailboxPolicy-Default).ConditionalAccessPolicy
# CHECK: Off
