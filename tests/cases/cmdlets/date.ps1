# Get-Date -Format (.NET) and -UFormat (Unix) on a given date.
Get-Date -Date '2024-01-05 14:05:09' -Format 'yyyy-MM-dd HH:mm:ss'
# CHECK: 2024-01-05 14:05:09
Get-Date -Date '2024-01-05 14:05:09' -Format 'dddd, MMMM d, yyyy h:mm tt'
# CHECK: Friday, January 5, 2024 2:05 PM
Get-Date -Date '2024-01-05' -UFormat '%Y/%m/%d'
# CHECK: 2024/01/05
(Get-Date -Date '2024-01-05').Year
# CHECK: 2024
