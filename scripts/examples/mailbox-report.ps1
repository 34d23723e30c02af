# A mailbox report, written the way published admin scripts write them: every user and
# shared mailbox with its size, item counts, share of its quota and last sign-in, one
# [PSCustomObject] line per mailbox in a list, exported to CSV (largest first). Run it
# connected to Exchange Online, or as it is against the local organisation, where the
# sizes are the sample organisation's contents (scripts/sample-contents.tsv).
$CSVOutputFile = Join-Path $PWD "MailboxReport.csv"

Write-Host "Finding mailboxes..."
[array]$Mbx = Get-EXOMailbox -RecipientTypeDetails UserMailbox, SharedMailbox -ResultSize Unlimited -Properties ProhibitSendQuota | Sort-Object DisplayName
Write-Host ("{0} mailboxes found" -f $Mbx.Count)

$Report = [System.Collections.Generic.List[Object]]::new()
ForEach ($M in $Mbx) {
    $Stats = Get-EXOMailboxStatistics -Identity $M.ExternalDirectoryObjectId -Properties LastLogonTime
    # Sizes arrive as text ("1.234 GB (1,324,567,890 bytes)"): take the byte count.
    $SizeBytes = [long]($Stats.TotalItemSize.ToString().Split("(")[1].Split(" ")[0].Replace(",", ""))
    $QuotaBytes = [long]($M.ProhibitSendQuota.ToString().Split("(")[1].Split(" ")[0].Replace(",", ""))
    If ($Stats.LastLogonTime) {
        $LastLogon = Get-Date $Stats.LastLogonTime -Format "yyyy-MM-dd HH:mm"
    } Else {
        $LastLogon = "Never"
    }
    $ReportLine = [PSCustomObject][Ordered]@{
        Mailbox             = $M.DisplayName
        UPN                 = $M.UserPrincipalName
        Type                = $M.RecipientTypeDetails
        Items               = $Stats.ItemCount
        "Size (MB)"         = [math]::Round($SizeBytes / 1MB, 2)
        "Deleted items"     = $Stats.DeletedItemCount
        "Quota used %"      = [math]::Round(($SizeBytes / $QuotaBytes) * 100, 2)
        "Last sign-in"      = $LastLogon
    }
    $Report.Add($ReportLine)
}

$Report = $Report | Sort-Object "Size (MB)" -Descending
$Report | Export-Csv -NoTypeInformation -Path $CSVOutputFile -Encoding utf8
Write-Host ("All done. {0} mailboxes written to {1}" -f $Report.Count, (Split-Path $CSVOutputFile -Leaf))
Write-Host "The five largest mailboxes:"
$Report | Select-Object -First 5 | Format-Table Mailbox, Items, "Size (MB)", "Last sign-in" -AutoSize
Write-Host ("Never signed in: {0}" -f (($Report | Where-Object "Last sign-in" -eq "Never").Mailbox -join ", "))
Write-Host "The CSV file:"
Get-Content $CSVOutputFile
