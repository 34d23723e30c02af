# The web cmdlets refuse what pwsh refuses before sending anything, with pwsh's error ids
# and texts; a closed port is "Connection refused".
try { Invoke-WebRequest http://127.0.0.1:1/ -PassThru } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
# CHECK: WebCmdletOutFileMissingException,Microsoft.PowerShell.Commands.InvokeWebRequestCommand
# CHECK: The cmdlet cannot run because the following parameter is missing: OutFile. Provide a valid OutFile parameter value when using the PassThru parameter, then retry.
try { Invoke-RestMethod https://127.0.0.1:1/ -Authentication Bearer } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
# CHECK: WebCmdletAuthenticationTokenNotSuppliedException,Microsoft.PowerShell.Commands.InvokeRestMethodCommand
# CHECK: The cmdlet cannot run because the -Token parameter is not supplied. Provide the -Token parameter when using the -Authentication parameter value Bearer and try again.
try { Invoke-RestMethod https://127.0.0.1:1/ -Authentication Basic } catch { $_.FullyQualifiedErrorId }
# CHECK: WebCmdletAuthenticationCredentialNotSuppliedException,Microsoft.PowerShell.Commands.InvokeRestMethodCommand
try { Invoke-RestMethod ftp://127.0.0.1/file } catch { $_.Exception.Message }
# CHECK: The 'ftp' scheme is not supported.
Invoke-RestMethod -Uri 127.0.0.1:1/api -Method Post -Body @{a = 1}
# CHECK: Invoke-RestMethod: {file}:13
# CHECK: Line |
# CHECK:   13 |  Invoke-RestMethod -Uri 127.0.0.1:1/api -Method Post -Body @{a = 1}
# CHECK:      |  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# CHECK:      | Connection refused
'done'
# CHECK: done
