# Export-Excel writes an .xlsx file; what it refuses stops the command with a message.
$path = "exosh-excel-case-$PID.xlsx"
[pscustomobject]@{Name = 'Ken'; Size = 10} | Export-Excel -Path $path -WorksheetName Report
Test-Path $path
# CHECK: True
try { [pscustomobject]@{Name = 'Ken'} | Export-Excel -Path $path -WorksheetName 'Bad[Name]' } catch { $_.FullyQualifiedErrorId }
# CHECK: WorkbookNotWritten,Export-Excel
Remove-Item $path
