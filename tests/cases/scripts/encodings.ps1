# Scripts called from a script run whatever their encoding: UTF-16 LE or BE with a
# byte-order mark (as Windows PowerShell ISE saves them), UTF-8 with or without a BOM.
$base = "exosh-encodings-case-$PID"
"'unicode: Sánchez ✓'" | Set-Content "$base-le.ps1" -Encoding Unicode
"'big endian: Sánchez'" | Set-Content "$base-be.ps1" -Encoding BigEndianUnicode
"'utf8 with BOM: Sánchez'" | Set-Content "$base-bom.ps1" -Encoding utf8BOM
"function Get-Greeting { 'from a dot-sourced UTF-16 library' }" | Set-Content "$base-lib.ps1" -Encoding Unicode
& "./$base-le.ps1"
& ".\$base-be.ps1"
& "./$base-bom.ps1"
. "./$base-lib.ps1"
Get-Greeting
# Get-Content reads the same encodings.
Get-Content "$base-le.ps1"
Remove-Item "$base-le.ps1", "$base-be.ps1", "$base-bom.ps1", "$base-lib.ps1"
# CHECK: unicode: Sánchez ✓
# CHECK: big endian: Sánchez
# CHECK: utf8 with BOM: Sánchez
# CHECK: from a dot-sourced UTF-16 library
# CHECK: 'unicode: Sánchez ✓'
