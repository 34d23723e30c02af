# Modules as admin scripts check for them: ExchangeOnlineManagement is built in (always
# available and installed, loaded once imported); any other module is not provided.
if (-not (Get-Module -ListAvailable -Name ExchangeOnlineManagement)) { 'missing' } else { 'available' }
# CHECK: available
Get-Module ExchangeOnlineManagement
Import-Module ExchangeOnlineManagement
Get-Module | Out-Host
# CHECK:
# CHECK: ModuleType Version    PreRelease Name                                ExportedCommands
# CHECK: ---------- -------    ---------- ----                                ----------------
# CHECK: Script     3.7.2                 ExchangeOnlineManagement            {Connect-ExchangeOnline, Connect-IPPSSession, Disc…
# CHECK:
$base = (Get-Module -ListAvailable ExchangeOnlineManagement).ModuleBase
(Get-Module -ListAvailable ExchangeOnlineManagement | Out-String).Replace($base, '<exosh folder>')
# CHECK:
# CHECK:     Directory: <exosh folder>
# CHECK:
# CHECK: ModuleType Version    PreRelease Name                                PSEdition ExportedCommands
# CHECK: ---------- -------    ---------- ----                                --------- ----------------
# CHECK: Script     3.7.2                 ExchangeOnlineManagement            Core      {Connect-ExchangeOnline, Connect-IPPSSes…
# CHECK:
# CHECK:
Get-InstalledModule -Name ExchangeOnlineManagement | Out-Host
# CHECK:
# CHECK: Version              Name                                Repository           Description
# CHECK: -------              ----                                ----------           -----------
# CHECK: 3.7.2                ExchangeOnlineManagement            exosh                Exchange Online cmdlets, built into exosh.
# CHECK:
Install-Module -Name ExchangeOnlineManagement -Force -AllowClobber -Scope CurrentUser
Update-Module -Name ExchangeOnlineManagement
(Find-Module ExchangeOnlineManagement).Version -ge [version]'3.0'
# CHECK: True
Remove-Module ExchangeOnlineManagement
[bool](Get-Module ExchangeOnlineManagement)
# CHECK: False
try { Import-Module MSOnline -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
# CHECK: Modules_ModuleNotFound,Import-Module
try { Install-Module Microsoft.Graph -ErrorAction Stop } catch { $_.Exception.Message }
# CHECK: exosh does not provide the module 'Microsoft.Graph': its only module is ExchangeOnlineManagement 3.7.2, built in, and it installs no others.
