# An application's service principal, as Exchange Online records it before a role
# assignment (New-ManagementRoleAssignment -App) gives the application rights.
$app = "6e0a1c2d-3b4f-4a5e-8d7c-9b1a2c3d4e5f"
$object = "1a2b3c4d-0000-4000-8000-000000000001"
New-ServicePrincipal -AppId $app -ObjectId $object -ServiceId $object -DisplayName "Contoso automation" | Format-List AppId, ObjectId, DisplayName, Identity
# CHECK:
# CHECK: AppId       : 6e0a1c2d-3b4f-4a5e-8d7c-9b1a2c3d4e5f
# CHECK: ObjectId    : 1a2b3c4d-0000-4000-8000-000000000001
# CHECK: DisplayName : Contoso automation
# CHECK: Identity    : 1a2b3c4d-0000-4000-8000-000000000001
# CHECK:
try { New-ServicePrincipal -AppId $app -ObjectId $object -ServiceId $object -ErrorAction Stop } catch { $_.Exception.Message }
# CHECK: The object '1a2b3c4d-0000-4000-8000-000000000001' already exists.
Set-ServicePrincipal -Identity $object -DisplayName "Contoso reports"
(Get-ServicePrincipal -Identity $object).DisplayName
# CHECK: Contoso reports
Remove-ServicePrincipal -Identity $object -Confirm:$false
@(Get-ServicePrincipal).Count
# CHECK: 0
