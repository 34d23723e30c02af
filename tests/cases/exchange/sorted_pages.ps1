# -SortBy sorts names without regard to case, as Exchange does and as -Filter compares
# them, so a sorted list read a page at a time (the next page starting after the last name
# seen) meets every mailbox once, in order.
"pager a", "Pager B", "pager c", "PAGER D", "Pager e" | ForEach-Object { New-Mailbox -Name $_ } | Out-Null
(Get-Mailbox -Anr pager -SortBy Name).Name
# CHECK: pager a
# CHECK: Pager B
# CHECK: pager c
# CHECK: PAGER D
# CHECK: Pager e
$last = $null
do {
    $filter = if ($last) { "Name -gt '$($last -replace "'", "''")'" } else { "Name -like '*'" }
    $page = @(Get-Mailbox -Anr pager -SortBy Name -Filter $filter -ResultSize 2 -WarningAction SilentlyContinue)
    "page: " + ($page.Name -join ", ")
    if ($page.Count) { $last = $page[-1].Name }
} while ($page.Count -eq 2)
# CHECK: page: pager a, Pager B
# CHECK: page: pager c, PAGER D
# CHECK: page: Pager e
