# Disable MAPI for the mailboxes listed in a text file, one identity per line. The admin
# page reads "C:\My Documents\Accounts.txt"; here the list sits beside this script.
Get-Content "$PSScriptRoot/accounts.txt" | foreach {Set-CASMailbox -Identity $_ -MAPIEnabled $false}
Get-CASMailbox -ResultSize unlimited -Filter "MAPIEnabled -eq `$false" | Format-Table Name,MapiEnabled
