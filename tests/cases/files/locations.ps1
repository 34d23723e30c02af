# The session's current location: Set-Location (cd), Get-Location (pwd), $PWD,
# Push-/Pop-Location, `cd -`, relative paths the Windows way, and pwsh's errors for a
# missing folder and for a Windows drive.
Set-Location /usr/share
Get-Location | Out-Host
# CHECK:
# CHECK: Path
# CHECK: ----
# CHECK: /usr/share
# CHECK:
cd ..\lib
"$PWD"
# CHECK: /usr/lib
$PWD.Path
# CHECK: /usr/lib
cd -
(pwd).Path
# CHECK: /usr/share
Push-Location /tmp
$PWD.Path
# CHECK: /tmp
Get-Location -Stack | ForEach-Object Path
# CHECK: /usr/share
Pop-Location
$PWD.Path
# CHECK: /usr/share
Set-Location /no/such/folder
# CHECK: Set-Location: {file}:27
# CHECK: Line |
# CHECK:   27 |  Set-Location /no/such/folder
# CHECK:      |  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# CHECK:      | Cannot find path '/no/such/folder' because it does not exist.
Set-Location C:\Users
# CHECK: Set-Location: {file}:33
# CHECK: Line |
# CHECK:   33 |  Set-Location C:\Users
# CHECK:      |  ~~~~~~~~~~~~~~~~~~~~~
# CHECK:      | Cannot find drive. A drive with the name 'C' does not exist.
try { Get-Content C:\Temp\users.csv -ErrorAction Stop } catch {
    $_.FullyQualifiedErrorId
    $_.CategoryInfo.Category
    $_.TargetObject
}
# CHECK: DriveNotFound,Get-Content
# CHECK: ObjectNotFound
# CHECK: C
$PWD.Path
# CHECK: /usr/share
Set-Location -Path /usr -PassThru | ForEach-Object Path
# CHECK: /usr
cd
$PWD.Path -eq $HOME
# CHECK: True
