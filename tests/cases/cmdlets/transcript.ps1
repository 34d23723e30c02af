# Start-Transcript / Stop-Transcript: pwsh's header and footer around what the console
# shows (output, warnings, errors); tokens never reach the file.
$path = "/tmp/exosh-transcript-case-$PID.txt"
$started = Start-Transcript -Path $path
$started -eq "Transcript started, output file is $path"
'report line'
Write-Warning 'careful'
"Authorization: Bearer abc.def.ghi"
'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJrZW4ifQ.c2lnbmF0dXJl'
(Stop-Transcript) -eq "Transcript stopped, output file is $path"
# CHECK: True
# CHECK: report line
# CHECK: WARNING: careful
# CHECK: Authorization: Bearer abc.def.ghi
# CHECK: eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJrZW4ifQ.c2lnbmF0dXJl
# CHECK: True
$lines = Get-Content $path
$lines[0..1]
# CHECK: **********************
# CHECK: PowerShell transcript start
$lines[2] -match '^Start time: \d{14}$'
# CHECK: True
$lines[3..9] -replace ':.*', ':' -join ' '
# CHECK: Username: RunAs User: Configuration Name: Machine: Host Application: Process ID: PSVersion:
$start = 0
while ($lines[$start] -ne 'report line') { $start++ }
$lines[($start - 1)..($lines.Count - 1)] -replace '^End time: \d{14}$', 'End time: <time>'
# CHECK: True
# CHECK: report line
# CHECK: WARNING: careful
# CHECK: Authorization: Bearer <redacted>
# CHECK: <redacted>
# CHECK: **********************
# CHECK: PowerShell transcript end
# CHECK: End time: <time>
# CHECK: **********************
try { Stop-Transcript } catch { $_.Exception.Message }
# CHECK: An error occurred stopping transcription: The host is not currently transcribing.
Remove-Item $path
