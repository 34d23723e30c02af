# New-TimeSpan and date arithmetic as report scripts use them ("days since"), TimeSpans
# printed with pwsh's list view and as .NET writes them; New-Guid.
New-TimeSpan -Days 1 -Hours 12
# CHECK:
# CHECK: Days              : 1
# CHECK: Hours             : 12
# CHECK: Minutes           : 0
# CHECK: Seconds           : 0
# CHECK: Milliseconds      : 0
# CHECK: Ticks             : 1296000000000
# CHECK: TotalDays         : 1.5
# CHECK: TotalHours        : 36
# CHECK: TotalMinutes      : 2160
# CHECK: TotalSeconds      : 129600
# CHECK: TotalMilliseconds : 129600000
# CHECK:
$lastLogon = [datetime]'2024-03-01 08:00'
(New-TimeSpan -Start $lastLogon -End ([datetime]'2024-03-31 20:00')).Days
# CHECK: 30
$span = [datetime]'2024-03-31 20:00' - $lastLogon
"$span"
# CHECK: 30.12:00:00
$span.TotalHours
# CHECK: 732
$span -gt (New-TimeSpan -Days 30)
# CHECK: True
($lastLogon + (New-TimeSpan -Hours 2)).Hour
# CHECK: 10
"$(New-TimeSpan -Minutes 90)"
# CHECK: 01:30:00
[timespan]'1.02:03:04' | Format-Table
# CHECK:
# CHECK: Days Hours Minutes Seconds Milliseconds
# CHECK: ---- ----- ------- ------- ------------
# CHECK: 1    2     3       4       0
# CHECK:
(New-Guid).Guid -match '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$'
# CHECK: True
