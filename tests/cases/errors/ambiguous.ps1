function Get-Box {
    [CmdletBinding()]
    param([string]$ImapEnabled, [string]$ImapUseProtocolDefaults)
    'bound'
}
Get-Box -Imap x
Get-Box -ImapE x
Get-Box -E 1
# CHECK: Get-Box: {file}:6
# CHECK: Line |
# CHECK:    6 |  Get-Box -Imap x
# CHECK:      |          ~~~~~
# CHECK:      | Parameter cannot be processed because the parameter name 'Imap' is ambiguous. Possible matches include: -ImapEnabled -ImapUseProtocolDefaults.
# CHECK: bound
# CHECK: Get-Box: {file}:8
# CHECK: Line |
# CHECK:    8 |  Get-Box -E 1
# CHECK:      |          ~~
# CHECK:      | Parameter cannot be processed because the parameter name 'E' is ambiguous. Possible matches include: -ErrorAction -ErrorVariable.
