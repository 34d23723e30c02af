# A group membership report, written the way published admin scripts write them: every
# distribution group, mail-enabled security group and dynamic distribution group with its
# owners and members, one [PSCustomObject] line per member in a list, exported to CSV.
# Run it connected to Exchange Online, or as it is against the local organisation's
# sample groups.
$CSVOutputFile = Join-Path $PWD "GroupMembershipReport.csv"

Write-Host "Finding distribution groups..."
[array]$Groups = Get-DistributionGroup -ResultSize Unlimited | Sort-Object DisplayName
[array]$DynamicGroups = Get-DynamicDistributionGroup -ResultSize Unlimited | Sort-Object DisplayName
Write-Host ("{0} distribution groups and {1} dynamic distribution groups found" -f $Groups.Count, $DynamicGroups.Count)

$Report = [System.Collections.Generic.List[Object]]::new()
ForEach ($Group in ($Groups + $DynamicGroups)) {
    If ($Group.RecipientTypeDetails -eq "DynamicDistributionGroup") {
        # A dynamic group's members are whoever its filter selects now.
        [array]$Members = Get-DynamicDistributionGroupMember -Identity $Group.ExternalDirectoryObjectId -ResultSize Unlimited
    } Else {
        [array]$Members = Get-DistributionGroupMember -Identity $Group.ExternalDirectoryObjectId -ResultSize Unlimited
    }
    $Owners = $Group.ManagedBy -join ", "
    If (!$Owners) { $Owners = "None" }
    ForEach ($Member in $Members) {
        $ReportLine = [PSCustomObject][Ordered]@{
            Group          = $Group.DisplayName
            "Group email"  = $Group.PrimarySmtpAddress
            "Group type"   = $Group.RecipientTypeDetails
            Owners         = $Owners
            Member         = $Member.DisplayName
            "Member email" = $Member.PrimarySmtpAddress
            "Member type"  = $Member.RecipientType
        }
        $Report.Add($ReportLine)
    }
}

$Report | Export-Csv -NoTypeInformation -Path $CSVOutputFile -Encoding utf8
Write-Host ("All done. {0} memberships written to {1}" -f $Report.Count, (Split-Path $CSVOutputFile -Leaf))
Write-Host "Members per group:"
$Report | Group-Object Group | Sort-Object @{Expression = "Count"; Descending = $true}, Name | Format-Table Name, Count -AutoSize
$Nested = $Report | Where-Object { $_."Member type" -ne "UserMailbox" }
ForEach ($Line in $Nested) {
    Write-Host ("{0} holds the group {1}: list its members too" -f $Line.Group, $Line.Member)
}
$InMost = $Report | Group-Object Member | Sort-Object @{Expression = "Count"; Descending = $true}, Name | Select-Object -First 3
Write-Host ("In the most groups: {0}" -f (($InMost | ForEach-Object { "{0} ({1})" -f $_.Name, $_.Count }) -join ", "))
Write-Host "The CSV file:"
Get-Content $CSVOutputFile
